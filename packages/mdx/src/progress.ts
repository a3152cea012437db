import type { Writable } from 'node:stream';

export interface Progress {
  /** One more step done; `label` names it (a lesson file). */
  tick(label: string): void;
  /** Clear the bar (on a terminal) so later output starts on a clean line. */
  done(): void;
}

export interface ProgressOptions {
  total: number;
  stream?: Writable & { isTTY?: boolean; columns?: number };
  /** Rewrite one line in place; default: on a terminal and not in CI. */
  interactive?: boolean;
}

const barWidth = 24;

/**
 * Progress of a build: a bar rewritten in place on a terminal, one plain line per step elsewhere (CI logs,
 * pipes), where carriage returns would only add noise.
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stdout;
  const interactive = options.interactive ?? (Boolean(stream.isTTY) && !process.env.CI);
  const total = Math.max(options.total, 1);
  let count = 0;
  return {
    tick(label) {
      count++;
      if (!interactive) {
        stream.write(`compiled ${label} (${count}/${options.total})\n`);
        return;
      }
      const filled = Math.round((count / total) * barWidth);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
      const line = `${bar} ${count}/${options.total} ${label}`;
      const width = stream.columns ?? 80;
      stream.write(`\r\x1b[2K${line.length > width - 1 ? line.slice(0, width - 1) : line}`);
    },
    done() {
      if (interactive && count > 0) stream.write('\r\x1b[2K');
    },
  };
}
