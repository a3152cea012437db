export type Precision = 'year' | 'month' | 'day';

/** A lane of the timeline (course.yaml `timelineLanes`): events whose tags include `id` sit in it. */
export interface TimelineLane {
  id: string;
  label: string;
}

export interface TimelineEventInput {
  id: string;
  date: string;
  endDate?: string | undefined;
  precision: Precision;
  title: string;
  tags: readonly string[];
  afterArticle?: boolean | undefined;
}

export interface TimelineRow<E extends TimelineEventInput = TimelineEventInput> {
  event: E;
  /** Indexes of the lanes the event belongs to; a card spans from the first to the last of them. */
  lanes: number[];
  dateLabel: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface TimelineLayout<E extends TimelineEventInput = TimelineEventInput> {
  width: number;
  height: number;
  axisX: number;
  lanes: (TimelineLane & { x: number; width: number })[];
  rows: TimelineRow<E>[];
  /** Places where years pass without an event: drawn as a break in the axis. */
  gaps: { y: number; label: string }[];
  /** The line between what the course's source describes and what happened after it (`afterArticle`). */
  afterArticle?: { y: number } | undefined;
}

const WIDTH = 880;
const AXIS_X = 200;
const LANE_GAP = 16;
const LANE_X = AXIS_X + 24;
const HEADER_HEIGHT = 56;
const LINE_HEIGHT = 20;
const CARD_PADDING = 10;
const ROW_GAP = 10;
const GAP_HEIGHT = 40;
const AFTER_ARTICLE_HEIGHT = 44;
// Average glyph width of the 15px body font, used to wrap titles inside a lane.
const CHAR_WIDTH = 8.4;

/** The lanes an event's tags name; an event that names none spans every lane. */
export function lanesOf(tags: readonly string[], lanes: readonly TimelineLane[]): number[] {
  const named = lanes.flatMap((lane, index) => (tags.includes(lane.id) ? [index] : []));
  return named.length > 0 ? named : lanes.map((_, index) => index);
}

/** Greedy word wrap; a single word longer than a line gets a line of its own. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface DateParts {
  year: number;
  month?: number | undefined;
  day?: number | undefined;
}

function partsOf(date: string): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? 0, month, day };
}

function monthName(month: number | undefined): string {
  return month === undefined ? '' : (MONTHS[month - 1] ?? '');
}

function formatParts(p: DateParts): string {
  return [p.day, monthName(p.month), p.year].filter((x) => x !== undefined && x !== '').join(' ');
}

/** "6 July 1961", "May 2018", "1996", "27–28 February 2019", "July–August 2022". */
export function formatEventDate(date: string, endDate?: string): string {
  const start = partsOf(date);
  if (!endDate) return formatParts(start);
  const end = partsOf(endDate);
  if (start.year !== end.year) return `${formatParts(start)} – ${formatParts(end)}`;
  if (start.month !== end.month) {
    const startText =
      start.day === undefined ? monthName(start.month) : `${start.day} ${monthName(start.month)}`;
    return `${startText} – ${formatParts(end)}`;
  }
  if (start.day !== undefined && end.day !== undefined && start.day !== end.day) {
    return `${start.day}–${end.day} ${monthName(end.month)} ${end.year}`;
  }
  return formatParts(start);
}

export function compareEvents(a: TimelineEventInput, b: TimelineEventInput): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return (a.endDate ?? a.date) < (b.endDate ?? b.date) ? -1 : 0;
}

const SINGLE_LANE: TimelineLane[] = [{ id: 'events', label: 'Events' }];

/**
 * A vertical timeline with one column per lane (time runs down the axis on the left). Events follow each
 * other in date order, one row each, so that titles stay readable; years without events are shown as
 * labelled breaks rather than empty space. Without lanes, every event sits in a single column.
 */
export function layoutTimeline<E extends TimelineEventInput>(
  events: readonly E[],
  laneList: readonly TimelineLane[] = [],
): TimelineLayout<E> {
  const lanes = laneList.length > 0 ? laneList : SINGLE_LANE;
  const laneWidth = (WIDTH - LANE_X - (lanes.length - 1) * LANE_GAP) / lanes.length;
  const laneX = (index: number) => LANE_X + index * (laneWidth + LANE_GAP);
  const sorted = [...events].sort(compareEvents);
  const rows: TimelineRow<E>[] = [];
  const gaps: TimelineLayout['gaps'] = [];
  let afterArticle: TimelineLayout['afterArticle'];
  let y = HEADER_HEIGHT;
  let previousYear: number | undefined;

  for (const event of sorted) {
    const year = partsOf(event.date).year;
    if (previousYear !== undefined && year - previousYear > 1) {
      gaps.push({ y: y + GAP_HEIGHT / 2 - ROW_GAP / 2, label: `${year - previousYear} years later` });
      y += GAP_HEIGHT;
    }
    if (event.afterArticle && !afterArticle) {
      afterArticle = { y: y + AFTER_ARTICLE_HEIGHT / 2 - ROW_GAP / 2 };
      y += AFTER_ARTICLE_HEIGHT;
    }
    const eventLanes = lanesOf(event.tags, lanes);
    const first = eventLanes[0] ?? 0;
    const x = laneX(first);
    const width = laneX(eventLanes.at(-1) ?? first) + laneWidth - x;
    const lines = wrapText(event.title, Math.floor((width - 2 * CARD_PADDING) / CHAR_WIDTH));
    const height = lines.length * LINE_HEIGHT + 2 * CARD_PADDING;
    rows.push({
      event,
      lanes: eventLanes,
      dateLabel: formatEventDate(event.date, event.endDate),
      x,
      y,
      width,
      height,
      lines,
    });
    y += height + ROW_GAP;
    previousYear = partsOf(event.endDate ?? event.date).year;
  }

  return {
    width: WIDTH,
    height: y + ROW_GAP,
    axisX: AXIS_X,
    lanes: lanes.map((lane, index) => ({ ...lane, x: laneX(index), width: laneWidth })),
    rows,
    gaps,
    afterArticle,
  };
}

export const TIMELINE_METRICS = { LINE_HEIGHT, CARD_PADDING, CHAR_WIDTH } as const;

/** An event as the event list groups it: by course.yaml's `timelineGroups`, or the older `afterArticle`. */
export interface GroupableEvent {
  group?: string | undefined;
  afterArticle?: boolean | undefined;
}

/**
 * The rows of the event list in its sections: `ungrouped` first (events in no group of `groups`), then each group
 * that has events, in the order of `groups` (course.yaml `timelineGroups`), then `after`: events marked
 * `afterArticle` and in no group, listed as "What happened next".
 */
export function groupTimelineRows<R extends { event: GroupableEvent }>(
  rows: readonly R[],
  groups: readonly { id: string; label: string }[],
): { ungrouped: R[]; grouped: { group: { id: string; label: string }; rows: R[] }[]; after: R[] } {
  const ids = new Set(groups.map((group) => group.id));
  const inGroup = (row: R) => row.event.group !== undefined && ids.has(row.event.group);
  return {
    ungrouped: rows.filter((row) => !row.event.afterArticle && !inGroup(row)),
    grouped: groups
      .map((group) => ({ group, rows: rows.filter((row) => row.event.group === group.id) }))
      .filter((entry) => entry.rows.length > 0),
    after: rows.filter((row) => row.event.afterArticle && !inGroup(row)),
  };
}
