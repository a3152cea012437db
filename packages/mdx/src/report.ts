import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface ReportOptions {
  /** Where the problem is: a point, a position or a node with a position. */
  place?: Point | Position | Node | undefined;
  /** The rule id, `area/name`, such as `citation/unknown-key` (listed in `@coursekit/issues`' `rules`). */
  rule: string;
  /** Errors fail `coursekit check`; warnings are printed only. */
  severity?: 'error' | 'warning';
  /** Close matches to offer as "did you mean". */
  expected?: readonly string[] | undefined;
  /** A hint in words, when the fix is not one of a few values. */
  note?: string | undefined;
}

function toPlace(place: ReportOptions['place']): Point | Position | undefined {
  if (!place) return undefined;
  if ('line' in place) return place;
  if ('start' in place) return place;
  return (place as Node).position;
}

/**
 * Record a problem on the file as a `VFileMessage` without stopping the compile, so a run reports every
 * problem at once. The message holds what is wrong; the suggestion is in `expected` (or `note`), which
 * the formatter of `@coursekit/issues` phrases as "did you mean".
 */
export function reportProblem(file: VFile, reason: string, options: ReportOptions): VFileMessage {
  const message = file.message(reason, {
    place: toPlace(options.place),
    source: '@coursekit/mdx',
    ruleId: options.rule,
  });
  // vfile marks messages as warnings (`fatal: false`); `true` marks an error that was not thrown.
  message.fatal = (options.severity ?? 'error') === 'error';
  if (options.expected && options.expected.length > 0) message.expected = [...options.expected];
  if (options.note) message.note = options.note;
  return message;
}
