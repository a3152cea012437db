// Runs once when a Next.js server starts, before the first request is served. Only in Node.js: the import sits
// in the branch so that the Edge bundle leaves it out.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/server/startup.js');
    await startServer();
  }
}
