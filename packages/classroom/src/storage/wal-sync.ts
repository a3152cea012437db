import { closeSync, fsync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes one file descriptor to the disk; `node:fs` `fsync` runs it on libuv's thread pool. */
export type FsyncFile = (fd: number) => Promise<void>;

const fsyncOnThreadPool: FsyncFile = (fd) =>
  new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

/**
 * At most this many fsyncs of the WAL run at once. A commit that arrives while one runs starts its own
 * right away instead of waiting for the running one to finish first (which would make it wait up to two
 * fsyncs); commits that arrive while both run share the next one.
 */
const FLUSHES_IN_FLIGHT = 2;

/**
 * Group commit for an SQLite file in WAL mode whose hot writes commit with `synchronous = NORMAL`: the
 * commit only writes the WAL, and this flushes the WAL to the disk on the thread pool, so the event loop
 * keeps serving other requests while the disk works. Every caller of `durable()` resolves once an fsync that
 * started after its commit has finished.
 */
export class WalSync {
  private fd: number | undefined;
  private opening: Promise<number> | undefined;
  private committed = 0;
  /** The newest commit an fsync started after has been flushed (or has failed) for. */
  private synced = 0;
  /** The newest commit a running fsync started after. */
  private started = 0;
  private running = 0;
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
    if (this.running >= FLUSHES_IN_FLIGHT || this.started >= this.committed) return;
    this.running++;
    const target = this.committed;
    this.started = target;
    this.sync().then(
      () => this.settle(target, undefined),
      // Nothing waiting on this fsync may be acknowledged; later commits get a fresh attempt.
      (error: unknown) => this.settle(target, error),
    );
  }

  /** The WAL's descriptor; the first time, the directory entry of the new WAL is flushed as well. */
  private walFd(): Promise<number> {
    if (this.fd !== undefined) return Promise.resolve(this.fd);
    this.opening ??= (async () => {
      // The WAL exists once the first commit wrote it.
      const fd = openSync(`${this.databasePath}-wal`, 'r');
      const directory = openSync(dirname(this.databasePath), 'r');
      try {
        await this.fsyncFile(directory);
      } finally {
        closeSync(directory);
      }
      this.fd = fd;
      return fd;
    })().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async sync(): Promise<void> {
    await this.fsyncFile(await this.walFd());
  }

  private settle(target: number, error: unknown): void {
    this.running--;
    if (target > this.synced) this.synced = target;
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
