import { closeSync, fsync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes one file descriptor to the disk; `node:fs` `fsync` runs it on libuv's thread pool. */
export type FsyncFile = (fd: number) => Promise<void>;

const fsyncOnThreadPool: FsyncFile = (fd) =>
  new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

/**
 * Group commit for an SQLite file in WAL mode whose hot writes commit with `synchronous = NORMAL`: the
 * commit only writes the WAL, and this flushes the WAL to the disk on the thread pool, so the event loop
 * keeps serving other requests while the disk works. Every caller of `durable()` resolves once an fsync that
 * started after its commit has finished; commits that arrive while one fsync runs share the next one.
 */
export class WalSync {
  private fd: number | undefined;
  private committed = 0;
  private synced = 0;
  private running = false;
  private waiters: { generation: number; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly databasePath: string,
    private readonly fsyncFile: FsyncFile = fsyncOnThreadPool,
  ) {}

  /** Call right after a commit; resolves once that commit is on the disk. */
  durable(): Promise<void> {
    const generation = ++this.committed;
    return new Promise((resolve, reject) => {
      this.waiters.push({ generation, resolve, reject });
      this.flush();
    });
  }

  /** Resolves once everything committed so far is on the disk (at once when nothing is pending). */
  settled(): Promise<void> {
    if (this.synced >= this.committed) return Promise.resolve();
    const generation = this.committed;
    return new Promise((resolve, reject) => this.waiters.push({ generation, resolve, reject }));
  }

  private flush(): void {
    if (this.running || this.synced >= this.committed) return;
    this.running = true;
    const target = this.committed;
    this.sync().then(
      () => {
        this.synced = target;
        this.settle(target, undefined);
      },
      (error: unknown) => {
        // Nothing waiting on this fsync may be acknowledged; later commits get a fresh attempt.
        this.synced = target;
        this.settle(target, error);
      },
    );
  }

  private async sync(): Promise<void> {
    if (this.fd === undefined) {
      // The WAL exists once the first commit wrote it; its directory entry is flushed once as well.
      this.fd = openSync(`${this.databasePath}-wal`, 'r');
      const directory = openSync(dirname(this.databasePath), 'r');
      try {
        await this.fsyncFile(directory);
      } finally {
        closeSync(directory);
      }
    }
    await this.fsyncFile(this.fd);
  }

  private settle(target: number, error: unknown): void {
    this.running = false;
    const due = this.waiters.filter((waiter) => waiter.generation <= target);
    this.waiters = this.waiters.filter((waiter) => waiter.generation > target);
    for (const waiter of due) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
    this.flush();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
