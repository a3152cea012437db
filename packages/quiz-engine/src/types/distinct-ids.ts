import { checkOneOf, describe, type ResponseCheck, rejectResponse, type ShownOptions } from './common.js';

/** Checks a list of `what` ids: each one shown in this attempt, none twice; the list is returned as sent. */
export function checkDistinctIds(
  value: unknown,
  ids: ShownOptions,
  what: string,
  duplicateMessage: (id: string) => string,
): ResponseCheck<string[]> {
  if (!Array.isArray(value))
    return rejectResponse('wrong-type', `expected a list of ${what} ids, got ${describe(value)}`);
  if (value.length > ids.length) {
    return rejectResponse('duplicate', `${value.length} ${what} ids for ${ids.length} shown`);
  }
  const seen: string[] = [];
  for (const item of value) {
    const checked = checkOneOf(item, ids, what);
    if (!checked.ok) return checked;
    if (seen.includes(checked.value)) return rejectResponse('duplicate', duplicateMessage(checked.value));
    seen.push(checked.value);
  }
  return { ok: true, value: seen };
}
