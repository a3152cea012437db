import { describe, expect, it } from 'vitest';
import { contentExamples } from './content-examples.js';
import { parseContent } from './content-kinds.js';
import { authoredTimeline } from './test-fixtures.js';
import { timelineSchema } from './timeline-schema.js';

const [yearEvent] = authoredTimeline.events;
const check = (event: Record<string, unknown>) =>
  parseContent('timeline', { events: [event] }, 'timeline.yaml');

describe('timelineSchema', () => {
  for (const example of contentExamples.timeline) {
    it(`${example.valid ? 'accepts' : 'rejects'} ${example.name}`, () => {
      expect(timelineSchema.safeParse(example.data).success).toBe(example.valid);
    });
  }

  it('types each event by its precision', () => {
    const result = parseContent('timeline', authoredTimeline, 'timeline.yaml');
    expect(result.ok && result.data.events.map((event) => event.precision)).toEqual([
      'year',
      'day',
      'month',
      'day',
      'day',
      'day',
    ]);
  });

  it('rejects a day that does not exist, saying why', () => {
    const [issue] = check({ ...yearEvent, precision: 'day', date: '2022-02-30' }).issues;
    expect(issue).toEqual({
      file: 'timeline.yaml',
      pointer: '/events/0/date',
      message: 'date "2022-02-30" is not a real date: February 2022 has 28 days',
      ruleId: 'timeline/invalid-date',
      severity: 'error',
    });
  });

  it('lists the precisions for an unknown one and reports a missing one as missing', () => {
    expect(check({ ...yearEvent, precision: 'Year' }).issues[0]).toMatchObject({
      pointer: '/events/0/precision',
      message: `'precision' in events item 1 must be one of year, month, day, not "Year"`,
      expected: ['year'],
    });
    const { precision: _precision, ...withoutPrecision } = yearEvent ?? {};
    expect(check(withoutPrecision).issues[0]?.message).toBe(
      "missing 'precision' in timeline event (How exactly the date is known: year, month or day)",
    );
  });

  it('tells an author to quote a year that YAML read as a number', () => {
    expect(check({ ...yearEvent, date: 1996 }).issues[0]?.message).toMatch(
      /^'date' in events item 1 must be text, not a number \(1996\); put it in quotes: "1996"/,
    );
  });
});
