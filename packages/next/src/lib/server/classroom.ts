import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import { Server } from 'node:net';
import { type Classroom, createClassroom } from '@coursekit/classroom';
import { courseDir } from './course-identity.js';

// Kept on globalThis so that every route bundle and server component in this process shares one
// classroom (one database connection, one start-up).
const slot = Symbol.for('coursekit.next.classroom');
type Holder = { [slot]?: Classroom };

/**
 * The site's classroom, for the course of `courseDir()` (`COURSE_DIR`, else the folder given to `withCoursekit`):
 * `DATABASE_URL` (SQLite file or `postgres://`), `TEACHER_PASSCODE`, `SESSION_SECRET`,
 * `TRUST_PROXY`, all from the environment.
 */
export function getClassroom(): Classroom {
  const holder = globalThis as Holder;
  let classroom = holder[slot];
  if (!classroom) {
    classroom = createClassroom({ courseDir: courseDir() });
    holder[slot] = classroom;
  }
  return classroom;
}

// Next.js gives route handlers a Request without its connection, and `next start` keeps an X-Forwarded-For
// that the client sent (it fills the header only when it is absent), so no header says who is connected.
const addressSlot = Symbol.for('coursekit.next.socket-address');
type AddressHolder = { [addressSlot]?: AsyncLocalStorage<string | undefined> };

/**
 * Runs every request of this process's servers in an async context that holds its socket's address, for
 * `remoteAddressOf`. Called once by instrumentation.ts, before Next.js serves a request.
 */
export function recordSocketAddresses(): void {
  const holder = globalThis as AddressHolder;
  if (holder[addressSlot]) return;
  const addresses = new AsyncLocalStorage<string | undefined>();
  holder[addressSlot] = addresses;
  // net.Server is what http, https and http2 servers share; only their 'request' event is wrapped.
  type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  const emit = Server.prototype.emit as Emit;
  const emitWithAddress: Emit = function (this: Server, event, ...args) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const request = args[0] as IncomingMessage | undefined;
    return addresses.run(request?.socket?.remoteAddress, () => emit.call(this, event, ...args));
  };
  Server.prototype.emit = emitWithAddress as typeof Server.prototype.emit;
}

/**
 * The socket address of the connection this request came on (undefined when `recordSocketAddresses` did not
 * run). The classroom reads X-Forwarded-For only as far as `TRUST_PROXY` says.
 */
export function remoteAddressOf(_request: Request): string | undefined {
  return (globalThis as AddressHolder)[addressSlot]?.getStore();
}
