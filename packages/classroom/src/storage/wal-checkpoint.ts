import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * How long after a write the checkpoint waits, so that one checkpoint covers the writes of a busy spell.
 * After a complete checkpoint the next commit starts the WAL afresh and flushes its header (SQLite does
 * that inside the commit, on the event loop): at most one such flush a second. Measured at 200
 * submissions/s: 21 fsyncs on the event loop with SQLite's own checkpoint (309 ms in all), 16 with a
 * checkpoint 200 ms after a write, 4 with 1 s.
 */
const CHECKPOINT_DELAY_MS = 1000;

// The worker's whole program: its own connection to the same file, which copies the WAL into the database
// (`wal_checkpoint(PASSIVE)`: never waits for a lock, never blocks a writer) whenever it is asked to. The
// checkpoint flushes the WAL before it copies and the database file after, as SQLite's own does.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = FULL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
`;

type Reply = { ok: true; log: number; checkpointed: number } | { ok: false; message: string };

/**
 * Checkpoints an SQLite file in WAL mode on a worker thread. SQLite's automatic checkpoint runs inside the
 * commit that fills the WAL past 1,000 pages: on the event loop, with two fsyncs and the copy, so under a
 * steady load every request waited behind it every second or so. The store turns that off and asks this
 * instead after its writes (`requested()`); a checkpoint starts `CHECKPOINT_DELAY_MS` later and covers all
 * the writes made meanwhile. PASSIVE, so it never takes the write lock that the event loop would wait for. Durability is unchanged: a commit is durable once the WAL is flushed, which
 * the write paths do themselves; the checkpoint only moves pages from the WAL into the database file.
 * If the worker cannot run, `onFailure` is told once (the store then hands checkpoints back to SQLite).
 */
export class WalCheckpointer {
  private worker: Worker | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  private stopped = false;
  private pending: ((reply: Reply) => void) | undefined;
  /** Checkpoints completed, and the WAL frames they left behind (0 when the WAL was copied whole). */
  checkpoints = 0;
  lastLeftBehind = 0;

  constructor(
    private readonly databasePath: string,
    private readonly onFailure: (reason: string) => void,
  ) {}

  /** Call after a write: a checkpoint follows shortly (one for all the writes until it starts). */
  requested(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, CHECKPOINT_DELAY_MS);
    this.timer.unref();
  }

  /** Resolves once no checkpoint is waiting or running (tests, and `close`). */
  async idle(): Promise<void> {
    while (this.running || this.timer !== undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: this.databasePath } });
    // The worker never keeps a process alive that has nothing else to do.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const pending = this.pending;
      this.pending = undefined;
      pending?.(reply);
    });
    worker.on('error', (error) => this.fail(error instanceof Error ? error.message : String(error)));
    worker.on('exit', () => {
      if (!this.stopped) this.fail('the checkpoint worker exited');
    });
    return worker;
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    this.running = true;
    this.again = false;
    try {
      this.worker ??= this.start();
      const worker = this.worker;
      const reply = await new Promise<Reply>((resolve) => {
        this.pending = resolve;
        worker.postMessage('checkpoint');
      });
      if (!reply.ok) {
        // A failed checkpoint loses nothing (the WAL keeps every commit); the next write asks again.
        console.error(`[coursekit] WAL checkpoint of ${this.databasePath} failed: ${reply.message}`);
      } else {
        this.checkpoints++;
        this.lastLeftBehind = reply.log - reply.checkpointed;
      }
    } finally {
      this.running = false;
    }
    if (this.again) this.requested();
  }

  private fail(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending?.({ ok: false, message: reason });
    this.pending = undefined;
    this.onFailure(reason);
  }

  /** Lets a running checkpoint finish, then closes the worker's connection and ends the worker. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 5));
    const worker = this.worker;
    this.stopped = true;
    this.worker = undefined;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage('close');
    });
  }
}
