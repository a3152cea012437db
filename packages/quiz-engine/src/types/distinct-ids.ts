import { checkOneOf, describe, type ResponseCheck, rejectResponse } from './common.js';

/** Checks a list of `what` ids: each one shown in this attempt, none twice; the list is returned as sent. */
export function checkDistinctIds(
  value: unknown,
  ids: readonly string[],
  what: string,
  duplicateMessage: (id: string) => string,
): ResponseCheck<string[]> {
  if (!Array.isArray(value))
    return rejectResponse('wrong-type', `expected a list of ${what} ids, got ${describe(value)}`);
  const seen: string[] = [];
  for (const item of value) {
    const checked = checkOneOf(item, ids, what);
    if (!checked.ok) return checked;
    if (seen.includes(checked.value)) return rejectResponse('duplicate', duplicateMessage(checked.value));
    seen.push(checked.value);
  }
  return { ok: true, value: seen };
}
