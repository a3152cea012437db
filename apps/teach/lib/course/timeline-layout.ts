/** The two regions the course follows; an event can belong to one or both. */
export type LaneId = 'eastern-europe' | 'northeast-asia';
export type Precision = 'year' | 'month' | 'day';

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
  /** Which lane the card sits in; `both` spans the two lanes. */
  lane: LaneId | 'both';
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
  lanes: { id: LaneId; label: string; x: number; width: number }[];
  rows: TimelineRow<E>[];
  /** Places where years pass without an event: drawn as a break in the axis. */
  gaps: { y: number; label: string }[];
  /** The line between what the article describes and what happened after it. */
  afterArticle?: { y: number } | undefined;
}

export const LANE_LABELS: Record<LaneId, string> = {
  'eastern-europe': 'Eastern Europe',
  'northeast-asia': 'Northeast Asia',
};

const WIDTH = 760;
const AXIS_X = 150;
const LANE_GAP = 16;
const LANE_X = AXIS_X + 24;
const LANE_WIDTH = (WIDTH - LANE_X - LANE_GAP) / 2;
const HEADER_HEIGHT = 56;
const LINE_HEIGHT = 20;
const CARD_PADDING = 10;
const ROW_GAP = 10;
const GAP_HEIGHT = 40;
const AFTER_ARTICLE_HEIGHT = 44;
// Average glyph width of the 15px body font, used to wrap titles inside a lane.
const CHAR_WIDTH = 7.6;

export function laneOf(tags: readonly string[]): LaneId | 'both' {
  const east = tags.includes('eastern-europe');
  const asia = tags.includes('northeast-asia');
  if (east && !asia) return 'eastern-europe';
  if (asia && !east) return 'northeast-asia';
  return 'both';
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

/**
 * A vertical timeline in two lanes. Events follow each other in date order, one row each, so that
 * titles stay readable; years without events are shown as labelled breaks rather than empty space.
 */
export function layoutTimeline<E extends TimelineEventInput>(events: readonly E[]): TimelineLayout<E> {
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
    const lane = laneOf(event.tags);
    const x = lane === 'northeast-asia' ? LANE_X + LANE_WIDTH + LANE_GAP : LANE_X;
    const width = lane === 'both' ? LANE_WIDTH * 2 + LANE_GAP : LANE_WIDTH;
    const lines = wrapText(event.title, Math.floor((width - 2 * CARD_PADDING) / CHAR_WIDTH));
    const height = lines.length * LINE_HEIGHT + 2 * CARD_PADDING;
    rows.push({
      event,
      lane,
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
    lanes: (['eastern-europe', 'northeast-asia'] as const).map((id, index) => ({
      id,
      label: LANE_LABELS[id],
      x: LANE_X + index * (LANE_WIDTH + LANE_GAP),
      width: LANE_WIDTH,
    })),
    rows,
    gaps,
    afterArticle,
  };
}

export const TIMELINE_METRICS = { LINE_HEIGHT, CARD_PADDING, CHAR_WIDTH } as const;
