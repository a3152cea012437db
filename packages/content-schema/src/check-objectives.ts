import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import { makeIssue } from './make-issue.js';
import {
  firstWord,
  observableVerbs,
  startsWithObservableVerb,
  suggestObjectiveVerbs,
} from './objective-verb.js';

/** The verbs a course accepts at the start of an objective: its `objectiveVerbs`, or the built-in list. */
export function courseObjectiveVerbs(bundle: Pick<Bundle, 'course'>): readonly string[] {
  const config = bundle.course.data.objectiveVerbs;
  if (config?.only) return config.only.map((verb) => verb.toLowerCase());
  return [...observableVerbs, ...(config?.add ?? []).map((verb) => verb.toLowerCase())];
}

/**
 * Every lesson objective starts with a verb a teacher can observe (`lesson/objective-verb`): a warning
 * with the likely verb, unless course.yaml `objectiveVerbs.severity` says otherwise.
 */
export function checkObjectives(bundle: Bundle): Issue[] {
  const severity = bundle.course.data.objectiveVerbs?.severity ?? 'warning';
  if (severity === 'off') return [];
  const verbs = courseObjectiveVerbs(bundle);
  const issues: Issue[] = [];
  for (const lesson of bundle.lessons) {
    for (const [position, objective] of lesson.data.objectives.entries()) {
      if (startsWithObservableVerb(objective.text, verbs)) continue;
      const word = firstWord(objective.text);
      const expected = suggestObjectiveVerbs(word, verbs);
      issues.push(
        makeIssue(
          lesson.file,
          ['objectives', position, 'text'],
          'lesson/objective-verb',
          `objective '${objective.id}' starts with ${JSON.stringify(word)}, not a verb a teacher can observe; start it with one (explain, compare, calculate, design: the list is docs/objective-verbs.md of @coursekit/content-schema) or add the verb to objectiveVerbs.add in ${bundle.course.file}`,
          { severity, expected },
        ),
      );
    }
  }
  return issues;
}
