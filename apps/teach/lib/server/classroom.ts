import { type Classroom, courseDirectory, createClassroom } from '@coursekit/classroom';

// Kept on globalThis so that every route bundle and server component in this process shares one
// classroom (one database connection, one start-up).
const slot = Symbol.for('coursekit.teach.classroom');
type Holder = { [slot]?: Classroom };

/**
 * The app's classroom: `DATABASE_URL` (SQLite file or `postgres://`), `COURSE_DIR` (default
 * `content/two-peripheries` under the app's working directory), `TEACHER_PASSCODE`, `SESSION_SECRET`,
 * `TRUST_PROXY`, all from the environment.
 */
export function getClassroom(): Classroom {
  const holder = globalThis as Holder;
  let classroom = holder[slot];
  if (!classroom) {
    classroom = createClassroom({ courseDir: courseDirectory(process.env, 'content/two-peripheries') });
    holder[slot] = classroom;
  }
  return classroom;
}

/**
 * The connection's address as Next.js passes it: `next start` fills `X-Forwarded-For` with the socket
 * address when the request has none, and keeps the header a client sent otherwise. Its right-most entry
 * is therefore the socket's for direct browsers and the nearest proxy's entry behind one.
 */
export function remoteAddressOf(request: Request): string | undefined {
  return request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || undefined;
}
