import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CourseMarkdown } from '../../components/course-text/course-markdown.js';
import { SourceCitations } from '../../components/course-text/source-citations.js';
import { PageMain } from '../../components/shell/page-main.js';
import { laneClass, TimelineChart } from '../../components/timeline/timeline-chart.js';
import { getCourse } from '../../lib/course/get-course.js';
import { groupTimelineRows, layoutTimeline } from '../../lib/course/timeline-layout.js';

export const metadata: Metadata = { title: 'Timeline' };

export default async function TimelinePage() {
  const { course, timeline, reading } = await getCourse();
  // A course without a timeline has no Timeline page (nor a link to one).
  if (!timeline || timeline.events.length === 0) notFound();
  const lanes = course.timelineLanes ?? [];
  const layout = layoutTimeline(timeline?.events ?? [], lanes);
  const laneLabels = new Map(lanes.map((lane) => [lane.id, lane.label]));
  // Events in a group of course.yaml's `timelineGroups` are listed under its label, in the groups' order;
  // `afterArticle` (the older way to mark events after the course's source text) is one more group.
  const { ungrouped: before, grouped, after } = groupTimelineRows(layout.rows, course.timelineGroups ?? []);
  // `afterArticle` marks events after the course's source text: named for what the course reads.
  const sourceWord = reading ? 'reading' : 'source';
  const eventList = (rows: typeof layout.rows) => (
    <ol className="event-list">
      {rows.map(({ event, dateLabel }) => {
        const regions = event.tags.flatMap((tag) => laneLabels.get(tag) ?? []);
        return (
          <li key={event.id} id={`event-${event.id}`}>
            <p className="event-date">
              <time dateTime={event.date}>{dateLabel}</time>
            </p>
            <h3>{event.title}</h3>
            <CourseMarkdown text={event.description} />
            <p className="event-tags">
              {regions.length > 0 ? `${regions.join(' and ')}. ` : null}
              {event.actors.length > 0 ? `Actors: ${event.actors.join(', ')}.` : null}
            </p>
            {event.cite && event.cite.length > 0 ? (
              <p className="event-tags">
                Source: <SourceCitations keys={event.cite} locator={event.locator} />
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );

  return (
    <PageMain>
      <h1>Timeline</h1>
      <p className="prose">
        The events the course refers to, in date order. The chart sets them side by side
        {lanes.length > 1 ? ` in lanes for ${lanes.map((lane) => lane.label).join(' and ')}` : ''}; the list
        after it gives the same events as text, with their sources.
      </p>
      <figure className="timeline-figure">
        <ul className="legend" aria-label="Legend">
          {lanes.map((lane, index) => (
            <li key={lane.id}>
              <span className={`legend-swatch ${laneClass([index])}`} aria-hidden="true" />
              {lane.label}
            </li>
          ))}
          {lanes.length > 1 ? (
            <li>
              <span className={`legend-swatch ${laneClass([0, 1])}`} aria-hidden="true" />
              In several lanes
            </li>
          ) : null}
          {layout.rows.some((row) => row.event.afterArticle) ? (
            <li>
              <span className="legend-swatch after" aria-hidden="true" />
              After the {sourceWord} (dashed)
            </li>
          ) : null}
        </ul>
        <TimelineChart
          layout={layout}
          titleId="timeline-title"
          descriptionId="timeline-description"
          afterLabel={`What happened next (after the ${sourceWord})`}
        />
      </figure>
      <p>
        <a href="#event-list">Skip to the events as a list</a>
      </p>

      <h2 id="event-list">Events as a list</h2>
      {before.length > 0 ? eventList(before) : null}
      {grouped.map(({ group, rows }) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>{group.label}</h2>
          {eventList(rows)}
        </section>
      ))}
      {after.length > 0 ? (
        <>
          <h2>What happened next</h2>
          <p className="prose">
            These events came after the {sourceWord} was written; it does not discuss them.
          </p>
          {eventList(after)}
        </>
      ) : null}
    </PageMain>
  );
}
