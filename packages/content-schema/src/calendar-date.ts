import { z } from 'zod';
import { contentMeta } from './content-meta.js';

/** How exactly a date is known: `2019`, `2019-02` or `2019-02-27`. */
export const datePrecisions = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

const formats: Record<DatePrecision, { form: string; example: string }> = {
  year: { form: 'YYYY', example: '2019' },
  month: { form: 'YYYY-MM', example: '2019-02' },
  day: { form: 'YYYY-MM-DD', example: '2019-02-27' },
};

const writtenAs = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const monthNames = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why `value` is not a date of the given precision, in words for a teacher, or `undefined` when it is
 * one: the ISO form must match the precision, and the month and day must exist (no 2022-02-30).
 */
export function describeDateProblem(
  value: string,
  precision: DatePrecision,
  field = 'date',
): string | undefined {
  const quoted = JSON.stringify(value);
  const { form, example } = formats[precision];
  const parts = writtenAs.exec(value);
  if (!parts) {
    return `${field} ${quoted} is not an ISO date; with precision: ${precision} write ${form}, e.g. "${example}"`;
  }
  const [, yearText, monthText, dayText] = parts;
  const written: DatePrecision = dayText ? 'day' : monthText ? 'month' : 'year';
  if (written !== precision) {
    return `${field} ${quoted} is written to the ${written}, but precision is ${precision}; write ${form} (e.g. "${example}") or set precision: ${written}`;
  }
  const year = Number(yearText);
  const month = Number(monthText ?? '1');
  const day = Number(dayText ?? '1');
  if (month < 1 || month > 12) return `${field} ${quoted} is not a real date: there is no month ${monthText}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    const monthName = monthNames.format(new Date(Date.UTC(year, month - 1, 1)));
    return `${field} ${quoted} is not a real date: ${monthName} ${year} has ${days} days`;
  }
  return undefined;
}

/** Whether `value` is a real date written in the ISO form of `precision`. */
export function isCalendarDate(value: string, precision: DatePrecision): boolean {
  return describeDateProblem(value, precision) === undefined;
}

// Patterns that say the same as describeDateProblem, so the JSON Schema rejects what Zod rejects.
const datePatterns: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(?:0[1-9]|1[0-2])$/,
  day: /^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/,
};

/** A date string in the ISO form of `precision` that names a real day, month or year. */
export function calendarDateSchema(precision: DatePrecision, field: string) {
  return z
    .string()
    .regex(datePatterns[precision], {
      error: (issue) =>
        describeDateProblem(String(issue.input), precision, field) ??
        `${field} ${JSON.stringify(issue.input)} must be written ${formats[precision].form}`,
    })
    .register(contentMeta, { ruleId: 'timeline/invalid-date' });
}
