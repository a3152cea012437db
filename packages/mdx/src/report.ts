import { closestMatch } from '@coursekit/content-schema';
import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface ReportOptions {
  /** Where the problem is: a point, a position or a node with a position. */
  place?: Point | Position | Node | undefined;
  /** `area/name`, such as `citation/unknown-key`. */
  rule: string;
  /** Errors fail `coursekit check`; warnings are printed only. */
  severity?: 'error' | 'warning';
  /** Close matches to offer as "did you mean". */
  expected?: string[];
}

function toPlace(place: ReportOptions['place']): Point | Position | undefined {
  if (!place) return undefined;
  if ('line' in place) return place;
  if ('start' in place) return place;
  return (place as Node).position;
}

/**
 * Record a problem on the file as a `VFileMessage` without stopping the compile, so a run reports every
 * problem at once.
 */
export function reportProblem(file: VFile, reason: string, options: ReportOptions): VFileMessage {
  const slash = options.rule.indexOf('/');
  const message = file.message(reason, {
    place: toPlace(options.place),
    source: slash === -1 ? 'coursekit' : options.rule.slice(0, slash),
    ruleId: slash === -1 ? options.rule : options.rule.slice(slash + 1),
  });
  // vfile marks messages as warnings (`fatal: false`); `true` marks an error that was not thrown.
  message.fatal = (options.severity ?? 'error') === 'error';
  if (options.expected && options.expected.length > 0) message.expected = options.expected;
  return message;
}

/** `(did you mean 'a' or 'b'?)`, or nothing when there is no close match. */
export function didYouMean(expected: readonly string[] | undefined): string {
  if (!expected || expected.length === 0) return '';
  const quoted = expected.map((value) => `'${value}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` (did you mean ${list}?)`;
}

/** The known id closest to a mistyped one (as a list, for `expected`), or an empty list. */
export function closestIds(value: string, known: Iterable<string>): string[] {
  const match = closestMatch(value, known);
  return match === undefined ? [] : [match];
}
