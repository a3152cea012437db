// Runs once when a Next.js server starts: open and migrate the class-mode database and make sure a teacher
// passcode exists (a generated one is printed here, once), before the first request is served.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getClassroom, recordSocketAddresses } = await import('./lib/server/classroom');
  recordSocketAddresses();
  await getClassroom().ready();
  // Load and compile the course now rather than on the first request that needs it (about 2 s).
  void import('./lib/course/get-course')
    .then(({ getCourse }) => getCourse())
    .catch((error: unknown) => console.error(`coursekit: the course could not be loaded: ${String(error)}`));
}
