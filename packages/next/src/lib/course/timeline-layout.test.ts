import { describe, expect, it } from 'vitest';
import {
  formatEventDate,
  groupTimelineRows,
  layoutTimeline,
  type TimelineEventInput,
  wrapText,
} from './timeline-layout.js';

const event = (over: Partial<TimelineEventInput> & { id: string; date: string }): TimelineEventInput => ({
  precision: 'day',
  title: over.id,
  tags: ['northeast-asia'],
  ...over,
});

describe('formatEventDate', () => {
  it('writes dates at their precision and ranges without repeating the shared parts', () => {
    expect(formatEventDate('1961-07-06')).toBe('6 July 1961');
    expect(formatEventDate('2018-05')).toBe('May 2018');
    expect(formatEventDate('1996')).toBe('1996');
    expect(formatEventDate('2019-02-27', '2019-02-28')).toBe('27–28 February 2019');
    expect(formatEventDate('2022-07', '2022-08')).toBe('July – August 2022');
    expect(formatEventDate('2023-12', '2024-01')).toBe('December 2023 – January 2024');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the limit and keeps every word', () => {
    const lines = wrapText('Trump–Kim summit in Hanoi ends without agreement', 20);
    expect(lines).toEqual(['Trump–Kim summit in', 'Hanoi ends without', 'agreement']);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
  });
});

describe('layoutTimeline', () => {
  const events = [
    event({ id: 'invasion', date: '2022-02-24', tags: ['eastern-europe'] }),
    event({ id: 'treaty-1961', date: '1961-07-06' }),
    event({ id: 'vote', date: '2022-03-02', tags: ['eastern-europe', 'northeast-asia'] }),
    event({ id: 'vostochny', date: '2023-09-13', afterArticle: true }),
    event({ id: 'treaty-2024', date: '2024-06-19', afterArticle: true }),
  ];
  const lanes = [
    { id: 'eastern-europe', label: 'Eastern Europe' },
    { id: 'northeast-asia', label: 'Northeast Asia' },
  ];
  const layout = layoutTimeline(events, lanes);

  it('orders rows by date, top to bottom, without overlap', () => {
    expect(layout.rows.map((r) => r.event.id)).toEqual([
      'treaty-1961',
      'invasion',
      'vote',
      'vostochny',
      'treaty-2024',
    ]);
    for (let i = 1; i < layout.rows.length; i++) {
      const above = layout.rows[i - 1];
      const row = layout.rows[i];
      expect(row && above && row.y >= above.y + above.height).toBe(true);
    }
    const last = layout.rows.at(-1);
    expect(last && layout.height >= last.y + last.height).toBe(true);
  });

  it('puts each event in its lane and spans both lanes for shared events', () => {
    const [east, asia] = layout.lanes;
    const byId = Object.fromEntries(layout.rows.map((r) => [r.event.id, r]));
    expect(byId.invasion?.x).toBe(east?.x);
    expect(byId['treaty-1961']?.x).toBe(asia?.x);
    expect(byId.vote?.lanes).toEqual([0, 1]);
    expect(byId.vote?.width).toBeGreaterThan(east?.width ?? 0);
    expect(asia && east && asia.x >= east.x + east.width).toBe(true);
  });

  it('puts every event in one column when the course has no lanes', () => {
    const single = layoutTimeline(events);
    expect(single.lanes).toHaveLength(1);
    expect(new Set(single.rows.map((r) => r.x))).toEqual(new Set([single.lanes[0]?.x]));
  });

  it('marks the long gap and where the article ends', () => {
    expect(layout.gaps.map((g) => g.label)).toEqual(['61 years later']);
    const firstAfter = layout.rows.find((r) => r.event.id === 'vostochny');
    const lastBefore = layout.rows.find((r) => r.event.id === 'vote');
    expect(layout.afterArticle?.y).toBeGreaterThan((lastBefore?.y ?? 0) + (lastBefore?.height ?? 0));
    expect(layout.afterArticle?.y).toBeLessThan(firstAfter?.y ?? 0);
  });
});

describe('groupTimelineRows', () => {
  const row = (id: string, event: { group?: string; afterArticle?: boolean }) => ({ id, event });
  const rows = [
    row('a', {}),
    row('b', { group: 'war' }),
    row('c', { afterArticle: true }),
    row('d', { group: 'peace' }),
    row('e', { group: 'war', afterArticle: true }),
    row('f', { group: 'unknown' }),
  ];

  it('lists events under the timelineGroups of the course, in their order, after the ungrouped ones', () => {
    const groups = [
      { id: 'peace', label: 'After the war' },
      { id: 'war', label: 'The war' },
      { id: 'empty', label: 'No events' },
    ];
    const { ungrouped, grouped, after } = groupTimelineRows(rows, groups);
    expect(ungrouped.map((r) => r.id)).toEqual(['a', 'f']);
    expect(grouped.map((g) => [g.group.label, g.rows.map((r) => r.id)])).toEqual([
      ['After the war', ['d']],
      ['The war', ['b', 'e']],
    ]);
    expect(after.map((r) => r.id)).toEqual(['c']);
  });

  it('keeps afterArticle as "what happened next" for a course without groups', () => {
    const { ungrouped, grouped, after } = groupTimelineRows(rows, []);
    expect(grouped).toEqual([]);
    expect(after.map((r) => r.id)).toEqual(['c', 'e']);
    expect(ungrouped.map((r) => r.id)).toEqual(['a', 'b', 'd', 'f']);
  });
});
