import {
  TIMELINE_METRICS,
  type TimelineEventInput,
  type TimelineLayout,
} from '../../lib/course/timeline-layout.js';

const { LINE_HEIGHT, CARD_PADDING } = TIMELINE_METRICS;

/** Colour classes: one per lane (the stylesheet has three), `lane-span` for events across lanes. */
export function laneClass(lanes: readonly number[]): string {
  return lanes.length === 1 ? `lane-${(lanes[0] ?? 0) % 3}` : 'lane-span';
}

/**
 * The timeline drawn as an SVG in two lanes. It is one image for assistive technology (its title and
 * description say what it shows); the event list that follows it carries the same events as text.
 */
export function TimelineChart<E extends TimelineEventInput>({
  layout,
  titleId,
  descriptionId,
  afterLabel = 'What happened next',
}: {
  layout: TimelineLayout<E>;
  titleId: string;
  descriptionId: string;
  /** Label of the line above events marked `afterArticle` (after the course's source). */
  afterLabel?: string;
}) {
  const { width, height, axisX, lanes, rows, gaps, afterArticle } = layout;
  const laneTop = 44;
  // The dates, the axis and its dots are a column of their own that stays in view (CSS sticky) while the
  // lanes scroll sideways on a narrow screen; the lanes start where that column ends.
  const datesWidth = axisX + 8;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it
    <section className="timeline-scroll" tabIndex={0} aria-label="Timeline chart, scrolls sideways">
      {/* Hidden from assistive technology: the chart's description and the event list say the dates. */}
      <svg
        className="timeline-svg timeline-dates"
        viewBox={`0 0 ${datesWidth} ${height}`}
        width={datesWidth}
        height={height}
        aria-hidden="true"
      >
        <line className="axis" x1={axisX} x2={axisX} y1={laneTop} y2={height - 4} />
        {gaps.map((gap) => (
          <g key={`gap-${gap.y}`}>
            <path
              className="gap-mark"
              d={`M ${axisX - 8} ${gap.y - 4} l 16 -6 M ${axisX - 8} ${gap.y + 6} l 16 -6`}
            />
            <text className="gap-label" x={axisX - 14} y={gap.y + 4} textAnchor="end">
              {gap.label}
            </text>
          </g>
        ))}
        {afterArticle ? (
          <line className="after-line" x1={8} x2={datesWidth} y1={afterArticle.y} y2={afterArticle.y} />
        ) : null}
        {rows.map((row) => {
          const middle = row.y + row.height / 2;
          return (
            <g key={row.event.id} className={laneClass(row.lanes)}>
              <text className="date-label" x={axisX - 14} y={middle + 4} textAnchor="end">
                {row.dateLabel}
              </text>
              <line className="connector" x1={axisX} x2={datesWidth} y1={middle} y2={middle} />
              <circle className="dot" cx={axisX} cy={middle} r={6} />
            </g>
          );
        })}
      </svg>
      <svg
        className="timeline-svg"
        viewBox={`${datesWidth} 0 ${width - datesWidth} ${height}`}
        width={width - datesWidth}
        height={height}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
      >
        <title id={titleId}>Timeline of the course’s events</title>
        <desc id={descriptionId}>
          {rows.length} events from {rows[0]?.dateLabel} to {rows.at(-1)?.dateLabel}, in lanes for{' '}
          {lanes.map((lane) => lane.label).join(' and ')}. An event in several lanes spans them
          {rows.some((row) => row.event.afterArticle)
            ? '; events after the course’s source have dashed outlines'
            : ''}
          . The same events are listed as text below.
        </desc>
        {lanes.map((lane) => (
          <g key={lane.id}>
            <rect
              className="lane-bg"
              x={lane.x}
              y={laneTop}
              width={lane.width}
              height={height - laneTop}
              rx={6}
            />
            <text className="lane-label" x={lane.x + lane.width / 2} y={28} textAnchor="middle">
              {lane.label}
            </text>
          </g>
        ))}
        {afterArticle ? (
          <g>
            <line
              className="after-line"
              x1={datesWidth}
              x2={width - 8}
              y1={afterArticle.y}
              y2={afterArticle.y}
            />
            <text className="after-label" x={width - 12} y={afterArticle.y - 6} textAnchor="end">
              {afterLabel}
            </text>
          </g>
        ) : null}
        {rows.map((row) => {
          const middle = row.y + row.height / 2;
          return (
            <g
              key={row.event.id}
              className={`${laneClass(row.lanes)}${row.event.afterArticle ? ' after' : ''}`}
            >
              <line className="connector" x1={datesWidth} x2={row.x} y1={middle} y2={middle} />
              <rect className="card" x={row.x} y={row.y} width={row.width} height={row.height} rx={6} />
              <text className="card-text" x={row.x + CARD_PADDING} y={row.y + CARD_PADDING}>
                {row.lines.map((line, index) => (
                  <tspan key={line} x={row.x + CARD_PADDING} dy={index === 0 ? LINE_HEIGHT - 5 : LINE_HEIGHT}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
