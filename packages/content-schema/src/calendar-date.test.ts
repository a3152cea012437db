import { describe, expect, it } from 'vitest';
import { calendarDateSchema, describeDateProblem, isCalendarDate } from './calendar-date.js';

describe('describeDateProblem', () => {
  it('accepts real dates written to their precision', () => {
    expect(describeDateProblem('1996', 'year')).toBeUndefined();
    expect(describeDateProblem('2018-05', 'month')).toBeUndefined();
    expect(describeDateProblem('2019-02-27', 'day')).toBeUndefined();
    expect(describeDateProblem('2024-02-29', 'day')).toBeUndefined();
  });

  it('names the length of the month for a day that does not exist', () => {
    expect(describeDateProblem('2022-02-30', 'day')).toBe(
      'date "2022-02-30" is not a real date: February 2022 has 28 days',
    );
    expect(describeDateProblem('2023-02-29', 'day')).toMatch(/February 2023 has 28 days/);
    expect(describeDateProblem('2022-04-31', 'day')).toMatch(/April 2022 has 30 days/);
  });

  it('rejects a month that does not exist', () => {
    expect(describeDateProblem('2022-13', 'month')).toBe(
      'date "2022-13" is not a real date: there is no month 13',
    );
  });

  it('says when the form and the precision disagree, and how to fix either', () => {
    expect(describeDateProblem('2019', 'day', 'endDate')).toBe(
      'endDate "2019" is written to the year, but precision is day; write YYYY-MM-DD (e.g. "2019-02-27") or set precision: year',
    );
  });

  it('rejects other date forms with an example', () => {
    expect(describeDateProblem('27/02/2019', 'day')).toBe(
      'date "27/02/2019" is not an ISO date; with precision: day write YYYY-MM-DD, e.g. "2019-02-27"',
    );
  });
});

describe('calendarDateSchema', () => {
  it('agrees with describeDateProblem on every day of a leap and a common year and on centuries', () => {
    const schema = calendarDateSchema('day', 'date');
    const values: string[] = [];
    for (const year of [1900, 2000, 2023, 2024]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          values.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        }
      }
    }
    for (const value of values) {
      expect(schema.safeParse(value).success, value).toBe(isCalendarDate(value, 'day'));
    }
  });

  it('gives the teacher-readable reason as the message', () => {
    const result = calendarDateSchema('day', 'date').safeParse('2022-02-30');
    expect(result.error?.issues[0]?.message).toBe(
      'date "2022-02-30" is not a real date: February 2022 has 28 days',
    );
  });
});
