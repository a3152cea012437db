import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import { makeIssue } from './make-issue.js';
import { closestMatches } from './suggest.js';

/** Course outcome ids are unique, lessons serve only outcomes that exist, and every outcome is served. */
export function checkOutcomes(bundle: Bundle): Issue[] {
  const issues: Issue[] = [];
  const course = bundle.course;
  const outcomeIds = new Map<string, number>();
  for (const [position, outcome] of course.data.outcomes.entries()) {
    const earlier = outcomeIds.get(outcome.id);
    if (earlier === undefined) {
      outcomeIds.set(outcome.id, position);
      continue;
    }
    issues.push(
      makeIssue(
        course.file,
        ['outcomes', position, 'id'],
        'course/duplicate-outcome',
        `outcome id '${outcome.id}' is also used by outcome ${earlier + 1}; each outcome needs its own id`,
      ),
    );
  }

  const served = new Set<string>();
  for (const lesson of bundle.lessons) {
    for (const [position, id] of lesson.data.outcomes.entries()) {
      if (outcomeIds.has(id)) {
        served.add(id);
        continue;
      }
      issues.push(
        makeIssue(
          lesson.file,
          ['outcomes', position],
          'lesson/unknown-outcome',
          `unknown course outcome '${id}': the outcomes in ${course.file} are ${[...outcomeIds.keys()].join(', ')}`,
          { expected: closestMatches(id, outcomeIds.keys()) },
        ),
      );
    }
  }

  for (const [id, position] of outcomeIds) {
    if (served.has(id)) continue;
    issues.push(
      makeIssue(
        course.file,
        ['outcomes', position, 'id'],
        'course/unserved-outcome',
        `no lesson serves outcome '${id}'; add it to the outcomes of the lessons that teach it`,
        { severity: 'warning' },
      ),
    );
  }
  return issues;
}
