import {
  type Arrangement,
  authoredIndexOf,
  checkOneOf,
  describe,
  isPlainRecord,
  isShown,
  opaqueIdOf,
  preview,
  type ResponseCheck,
  rejectResponse,
  type ShownOptions,
} from './common.js';
import { recordForOpaqueIds } from './opaque-record.js';

export function checkIdMap(
  value: unknown,
  keys: ShownOptions,
  values: ShownOptions,
  keyName: string,
  valueName: string,
): ResponseCheck<Record<string, string>> {
  if (!isPlainRecord(value)) {
    return rejectResponse(
      'wrong-type',
      `expected an object of ${keyName} id → ${valueName} id, got ${describe(value)}`,
    );
  }
  const result = recordForOpaqueIds<string>();
  for (const key of Object.keys(value)) {
    if (!isShown(keys, key))
      return rejectResponse('unknown-id', `'${preview(key)}' is not a ${keyName} of this question`);
    const checked = checkOneOf(value[key], values, valueName);
    if (!checked.ok) return checked;
    result[key] = checked.value;
  }
  return { ok: true, value: result };
}

/**
 * The answer key of a `{ keyId: valueId }` response in which every authored key has one right value
 * (matching: left → right; categorise: item → category).
 */
export interface KeyedAnswerKey {
  keys: Arrangement;
  values: Arrangement;
  /** `rightValues[keyIndex]`: the authored index of the right value for the authored key `keyIndex`. */
  rightValues: readonly number[];
}

/** How many keys the response maps to their right value; keys not shown in this attempt count for nothing. */
export function countCorrectlyKeyed(response: Record<string, string>, answerKey: KeyedAnswerKey): number {
  const { keys, values, rightValues } = answerKey;
  let correct = 0;
  // Over the response's own keys: looking the arrangement's fresh id strings up in the response would
  // make V8 search its string table for each (the response's keys are already internalised).
  for (const keyId in response) {
    const position = keys.ids.indexOf(keyId);
    if (position === -1) continue;
    const valueId = response[keyId] as string;
    if (authoredIndexOf(values, valueId) === rightValues[keys.order[position] as number]) correct += 1;
  }
  return correct;
}

/**
 * The opaque ids `ids`, each replaced by the learner's string for the same id where `response` has it as
 * a key. The strings are equal; the difference is V8's: a string used as a property key is first
 * internalised (looked up and added in the runtime's string table, then kept in old space), and the
 * arrangement's ids are new strings in every attempt, while the keys of a response have been internalised
 * already (by JSON.parse or by the check that copied them). An answer built with them costs no new entries.
 */
export function keyedAnswerKeys(
  ids: readonly string[],
  response: Readonly<Record<string, unknown>> | undefined,
): readonly string[] {
  if (response === undefined) return ids;
  let shared: string[] | undefined;
  for (const key in response) {
    const position = ids.indexOf(key);
    if (position === -1) continue;
    shared ??= [...ids];
    shared[position] = key;
  }
  return shared ?? ids;
}

/** The response that maps each authored key to its right value, under opaque ids, keys in authored order. */
export function correctKeyedResponse(
  answerKey: KeyedAnswerKey,
  learnerResponse?: Readonly<Record<string, string>>,
): Record<string, string> {
  const { keys, values, rightValues } = answerKey;
  const keyIds = keyedAnswerKeys(keys.ids, learnerResponse);
  const response = recordForOpaqueIds<string>();
  for (let keyIndex = 0; keyIndex < rightValues.length; keyIndex += 1) {
    response[keyIds[keys.order.indexOf(keyIndex)] as string] = opaqueIdOf(
      values,
      rightValues[keyIndex] as number,
    );
  }
  return response;
}
