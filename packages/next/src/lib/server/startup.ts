import { isConfigurationError } from '@coursekit/classroom';
import { getClassroom, recordSocketAddresses } from './classroom.js';
import { courseDir, courseIdentity, courseMismatch } from './course-identity.js';

/**
 * What a Node.js server does before the first request (from instrumentation.ts): check that the course given is
 * the one this build was made from, open and migrate the class-mode database and make sure a teacher passcode
 * exists (a generated one is printed here, once), then load the course.
 */
export async function startServer(): Promise<void> {
  if (process.env.NODE_ENV === 'production') refuseAnotherCourse();
  recordSocketAddresses();
  try {
    await getClassroom().ready();
  } catch (error) {
    // A setting the operator can fix (a short TEACHER_PASSCODE): one line saying what to do, no stack trace.
    if (!isConfigurationError(error)) throw error;
    console.error(`coursekit cannot start: ${error.message}`);
    process.exit(1);
  }
  // Load and compile the course now rather than on the first request that needs it (about 2 s).
  void import('../course/get-course.js')
    .then(({ getCourse }) => getCourse())
    .catch((error: unknown) => console.error(`coursekit: the course could not be loaded: ${String(error)}`));
}

/**
 * The pages were rendered from one course at build time and the API would serve COURSE_DIR's: a server serving
 * both would mix two courses (or an old and a new version of one), so it exits with one line saying what to run.
 */
function refuseAnotherCourse(): void {
  // Inlined by next.config.ts at build time.
  const recorded = process.env.COURSEKIT_BUILT_COURSE;
  const dir = courseDir();
  let problem: string | undefined;
  try {
    problem = courseMismatch(
      recorded ? JSON.parse(recorded) : undefined,
      courseIdentity(dir),
      process.env.COURSE_DIR,
    );
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(error);
    problem =
      `coursekit cannot start: the course folder ${dir} cannot be read (${reason}); ` +
      'set COURSE_DIR to the course folder this build was made from';
  }
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
