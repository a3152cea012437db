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
  const result: Record<string, string> = {};
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
  /** The authored index of the right value for the authored key `keyIndex`. */
  rightValueOf: (keyIndex: number) => number;
}

/** How many keys the response maps to their right value; keys not shown in this attempt count for nothing. */
export function countCorrectlyKeyed(response: Record<string, string>, answerKey: KeyedAnswerKey): number {
  let correct = 0;
  for (const [keyId, valueId] of Object.entries(response)) {
    const keyIndex = authoredIndexOf(answerKey.keys, keyId);
    if (keyIndex === undefined) continue;
    if (authoredIndexOf(answerKey.values, valueId) === answerKey.rightValueOf(keyIndex)) correct += 1;
  }
  return correct;
}

/** The response that maps each of the `keyCount` authored keys to its right value, under opaque ids. */
export function correctKeyedResponse(keyCount: number, answerKey: KeyedAnswerKey): Record<string, string> {
  const response: Record<string, string> = {};
  for (let keyIndex = 0; keyIndex < keyCount; keyIndex += 1) {
    response[opaqueIdOf(answerKey.keys, keyIndex)] = opaqueIdOf(
      answerKey.values,
      answerKey.rightValueOf(keyIndex),
    );
  }
  return response;
}
