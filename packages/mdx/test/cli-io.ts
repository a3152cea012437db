import { Writable } from 'node:stream';
import type { CliIo } from '../src/cli-program.js';

/** Streams that keep what the CLI writes, for tests. */
export function captureIo(cwd: string, options: { tty?: boolean } = {}) {
  const chunks = { stdout: '', stderr: '' };
  const stream = (name: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk, _encoding, done) {
        chunks[name] += String(chunk);
        done();
      },
    });
  const stdout = Object.assign(stream('stdout'), { isTTY: options.tty ?? false, columns: 80 });
  const io: CliIo = { stdout, stderr: stream('stderr'), cwd };
  return { io, output: chunks };
}
