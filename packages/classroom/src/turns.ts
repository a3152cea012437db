/**
 * Turns for work that arrives in bursts (a class submitting at once): each event-loop turn lets a few
 * pieces run, then the loop polls for I/O again, so a request that arrives in the middle of a burst (a
 * page, `GET /api/csrf`) is answered in a few milliseconds instead of after the whole burst. FIFO.
 */
export function createTurns(perTurn: number): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const release = () => {
    scheduled = false;
    for (const resume of waiting.splice(0, perTurn)) resume();
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    scheduled = true;
    // setImmediate runs after the poll phase: the I/O that came in meanwhile is served first.
    setImmediate(release);
  };
  return () =>
    new Promise<void>((resume) => {
      waiting.push(resume);
      if (!scheduled) schedule();
    });
}
