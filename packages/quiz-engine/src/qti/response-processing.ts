import { baseValue, qtiNumber, setOutcome, variable, type XMLBuilder } from './xml.js';

/**
 * Response-processing building blocks. Every type scores in points, as `grade` does (fraction × points), so
 * the QTI `SCORE` of an item equals our `QuestionResult.score`. Where a type's credit is a sum over parts,
 * the parts are `qti-map-entry` values: answer weights (Moodle's partial credit) become different mapped
 * values, nothing else changes.
 */

export interface MapEntry {
  key: string;
  /** Points this value earns (negative for a wrong pick that costs credit). */
  value: number;
  caseSensitive?: boolean;
}

/** `<qti-mapping>` inside a response declaration; the sum is bounded to 0..points as `clampFraction` is. */
export function mapping(
  declaration: XMLBuilder,
  entries: readonly MapEntry[],
  bounds: { lower: number; upper: number },
): void {
  const map = declaration.ele('qti-mapping', {
    'default-value': '0',
    'lower-bound': qtiNumber(bounds.lower),
    'upper-bound': qtiNumber(bounds.upper),
  });
  for (const entry of entries) {
    const attributes: Record<string, string> = {
      'map-key': entry.key,
      'mapped-value': qtiNumber(entry.value),
    };
    if (entry.caseSensitive !== undefined) attributes['case-sensitive'] = String(entry.caseSensitive);
    map.ele('qti-map-entry', attributes);
  }
}

export function setScore(parent: XMLBuilder, build: (at: XMLBuilder) => void): void {
  setOutcome(parent, 'SCORE', build);
}

export function setScoreTo(parent: XMLBuilder, points: number): void {
  setScore(parent, (at) => baseValue(at, 'float', qtiNumber(points)));
}

/** One branch of a response condition: `when` adds a boolean expression; the last branch may go without. */
export interface Branch {
  when?: (at: XMLBuilder) => void;
  apply: (at: XMLBuilder) => void;
}

/**
 * `if … else-if … else`, never nested: QTI allows rules inside `qti-response-else`, but players differ in
 * running them (the qti-components player skips nested conditions), so every condition stays at the top.
 */
export function responseCondition(processing: XMLBuilder, branches: readonly Branch[]): void {
  const condition = processing.ele('qti-response-condition');
  branches.forEach((branch, index) => {
    const name =
      index === 0
        ? 'qti-response-if'
        : branch.when === undefined
          ? 'qti-response-else'
          : 'qti-response-else-if';
    const at = condition.ele(name);
    branch.when?.(at);
    branch.apply(at);
  });
}

export function isNull(response: string): (at: XMLBuilder) => void {
  return (at) => variable(at.ele('qti-is-null'), response);
}

export function isAnswered(response: string): (at: XMLBuilder) => void {
  return (at) => variable(at.ele('qti-not').ele('qti-is-null'), response);
}

/** SCORE = map-response(RESPONSE), or 0 when unanswered. */
export function mappedScore(processing: XMLBuilder, response = 'RESPONSE'): void {
  responseCondition(processing, [
    { when: isNull(response), apply: (at) => setScoreTo(at, 0) },
    { apply: (at) => setScore(at, (value) => value.ele('qti-map-response', { identifier: response })) },
  ]);
}

/** An XML Schema regular expression that finds `pattern` anywhere, as JavaScript's `test` does. */
export function anywherePattern(pattern: string): string {
  return `.*(${pattern}).*`;
}
