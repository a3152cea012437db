import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { layoutTimeline } from '../../lib/course/timeline-layout.js';
import { TimelineChart } from './timeline-chart.js';

const lanes = [
  { id: 'eastern-europe', label: 'Eastern Europe' },
  { id: 'northeast-asia', label: 'Northeast Asia' },
];
const events = [
  {
    id: 'invasion',
    date: '2022-02-24',
    precision: 'day' as const,
    title: 'Full-scale invasion',
    tags: ['eastern-europe'],
  },
  {
    id: 'hanoi',
    date: '2019-02-27',
    endDate: '2019-02-28',
    precision: 'day' as const,
    title: 'Hanoi summit',
    tags: ['northeast-asia'],
  },
  {
    id: 'treaty',
    date: '2024-06-19',
    precision: 'day' as const,
    title: 'Treaty signed',
    tags: ['eastern-europe', 'northeast-asia'],
    afterArticle: true,
  },
];

it('draws one titled image with a lane per region and a card per event', () => {
  const html = renderToStaticMarkup(
    <TimelineChart
      layout={layoutTimeline(events, lanes)}
      titleId="t"
      descriptionId="d"
      afterLabel="What happened next (after the reading)"
    />,
  );
  expect(html).toContain('role="img" aria-labelledby="t d"');
  expect(html).toMatch(
    /<desc id="d">3 events from 27–28 February 2019 to 19 June 2024, in lanes for Eastern Europe and Northeast Asia/,
  );
  expect(html).toContain('>Eastern Europe</text>');
  expect(html).toContain('>Northeast Asia</text>');
  expect(html.match(/class="card"/g)).toHaveLength(3);
  expect(html).toContain('class="lane-span after"');
  expect(html).toContain('What happened next (after the reading)');
});

it('draws the dates in a column of their own, hidden as a duplicate, that stays in view as the lanes scroll', () => {
  const html = renderToStaticMarkup(
    <TimelineChart layout={layoutTimeline(events, lanes)} titleId="t" descriptionId="d" />,
  );
  const [dates, chart] = html.split(/(?=<svg)/).slice(1);
  expect(dates).toMatch(/^<svg class="timeline-svg timeline-dates"[^>]*aria-hidden="true"/);
  expect(dates?.match(/class="date-label"/g)).toHaveLength(3);
  expect(dates).toContain('>27–28 February 2019</text>');
  // The image the chart is for assistive technology holds the lanes and cards, not the dates again.
  expect(chart).toContain('role="img"');
  expect(chart).not.toContain('date-label');
  expect(chart?.match(/class="card"/g)).toHaveLength(3);
});
