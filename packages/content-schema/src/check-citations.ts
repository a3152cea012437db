import { type Issue, messages } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import { makeIssue } from './make-issue.js';
import { closestMatches } from './suggest.js';

interface Citing {
  file: string;
  path: (string | number)[];
  cite?: readonly string[] | undefined;
  locator?: string | undefined;
}

/**
 * Citation keys in the glossary, the timeline and the course's reading exist in the bibliography, and a
 * locator always comes with the source it points into.
 */
export function checkCitations(bundle: Bundle): Issue[] {
  const issues: Issue[] = [];
  const citing: Citing[] = [];
  const { glossary, timeline, course } = bundle;
  for (const [position, entry] of (glossary?.data.terms ?? []).entries()) {
    citing.push({
      file: glossary?.file ?? '',
      path: ['terms', position],
      cite: entry.cite,
      locator: entry.locator,
    });
  }
  for (const [position, event] of (timeline?.data.events ?? []).entries()) {
    citing.push({
      file: timeline?.file ?? '',
      path: ['events', position],
      cite: event.cite,
      locator: event.locator,
    });
  }

  for (const { file, path, cite, locator } of citing) {
    if (locator !== undefined && (cite ?? []).length === 0) {
      issues.push(
        makeIssue(
          file,
          [...path, 'locator'],
          'citation/locator-without-source',
          `locator '${locator}' points into a source, but no source is cited; add cite: [key]`,
          { severity: 'warning' },
        ),
      );
    }
  }

  if (bundle.referenceKeys === undefined) return issues;
  const keys = new Set(bundle.referenceKeys);
  const checkKey = (file: string, path: (string | number)[], key: string) => {
    if (keys.has(key)) return;
    issues.push(
      makeIssue(file, path, 'citation/unknown-key', messages.unknownCitationKey(key), {
        expected: closestMatches(key, keys),
      }),
    );
  };
  if (course.data.reading) checkKey(course.file, ['reading', 'cite'], course.data.reading.cite);
  for (const { file, path, cite } of citing) {
    for (const [position, key] of (cite ?? []).entries()) checkKey(file, [...path, 'cite', position], key);
  }
  return issues;
}
