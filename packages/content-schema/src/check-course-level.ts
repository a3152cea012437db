import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import { courseLevels } from './course-schema.js';
import { makeIssue } from './make-issue.js';
import { closestMatches } from './suggest.js';

/**
 * `level` is open text; one that looks like a misspelt suggestion (`undergrad`, `postgradute`) gets a hint,
 * anything else (`secondary`, `adult education`) is fine as written.
 */
export function checkCourseLevel(bundle: Bundle): Issue[] {
  const level = bundle.course.data.level;
  if ((courseLevels as readonly string[]).includes(level)) return [];
  const close = closestMatches(level.toLowerCase(), courseLevels);
  if (close.length === 0) return [];
  return [
    makeIssue(
      bundle.course.file,
      ['level'],
      'course/level-hint',
      `level '${level}' is close to a suggested level; any text is allowed, but the suggested ones read the same across courses`,
      { severity: 'warning', expected: close },
    ),
  ];
}
