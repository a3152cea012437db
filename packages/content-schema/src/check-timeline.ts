import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import { describeDateProblem } from './calendar-date.js';
import { makeIssue } from './make-issue.js';
import { closestMatches } from './suggest.js';

/**
 * Timeline event ids are unique, each event is in a lane and a group the course defines, dates are real,
 * and an event does not end before it starts.
 */
export function checkTimeline(bundle: Bundle): Issue[] {
  const timeline = bundle.timeline;
  if (!timeline) return [];
  const issues: Issue[] = [];
  const eventIds = new Map<string, number>();
  const lanes = bundle.course.data.timelineLanes ?? [];
  const laneIds = new Set(lanes.map((lane) => lane.id));
  const groupIds = new Set((bundle.course.data.timelineGroups ?? []).map((group) => group.id));

  for (const [position, event] of timeline.data.events.entries()) {
    const earlier = eventIds.get(event.id);
    if (earlier === undefined) {
      eventIds.set(event.id, position);
    } else {
      issues.push(
        makeIssue(
          timeline.file,
          ['events', position, 'id'],
          'timeline/duplicate-id',
          `event id '${event.id}' is also used by event ${earlier + 1}; each event needs its own id`,
        ),
      );
    }

    if (laneIds.size > 0 && !event.tags.some((tag) => laneIds.has(tag))) {
      issues.push(
        makeIssue(
          timeline.file,
          ['events', position, 'tags'],
          'timeline/no-lane',
          `event '${event.id}' is in no timeline lane; add one of the lane tags from course.yaml: ${[...laneIds].join(', ')}`,
          { expected: laneSuggestion(event.tags, laneIds) },
        ),
      );
    }

    if (event.group !== undefined && !groupIds.has(event.group)) {
      issues.push(
        makeIssue(
          timeline.file,
          ['events', position, 'group'],
          'timeline/unknown-group',
          groupIds.size === 0
            ? `event '${event.id}' is in group '${event.group}', but ${bundle.course.file} has no timelineGroups; add one with id: ${event.group} and a label`
            : `event '${event.id}' is in group '${event.group}', which is not one of the timelineGroups of ${bundle.course.file}: ${[...groupIds].join(', ')}`,
          { expected: closestMatches(event.group, groupIds) },
        ),
      );
    }

    // The schema already rejects these; data built in code may not have passed through it.
    const startProblem = describeDateProblem(event.date, event.precision, 'date');
    const endProblem =
      event.endDate === undefined
        ? undefined
        : describeDateProblem(event.endDate, event.precision, 'endDate');
    if (startProblem) {
      issues.push(
        makeIssue(timeline.file, ['events', position, 'date'], 'timeline/invalid-date', startProblem),
      );
    }
    if (endProblem) {
      issues.push(
        makeIssue(timeline.file, ['events', position, 'endDate'], 'timeline/invalid-date', endProblem),
      );
    }
    // Same precision, same ISO form: the strings sort as the dates do.
    if (!startProblem && !endProblem && event.endDate !== undefined && event.endDate < event.date) {
      issues.push(
        makeIssue(
          timeline.file,
          ['events', position, 'endDate'],
          'timeline/end-before-start',
          `endDate ${event.endDate} is before date ${event.date}; swap them or correct one`,
        ),
      );
    }
  }
  return issues;
}

/** 'did you mean' for the first tag that looks like a misspelt lane, e.g. 'north-east-asia'. */
function laneSuggestion(tags: readonly string[], laneIds: ReadonlySet<string>): string[] {
  for (const tag of tags) {
    const close = closestMatches(tag, laneIds);
    if (close.length > 0) return close;
  }
  return [];
}
