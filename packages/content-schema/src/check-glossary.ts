import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import { makeIssue } from './make-issue.js';
import { closestMatches } from './suggest.js';

/**
 * Glossary ids are unique, `seeAlso` and lesson `keyTerms` name existing terms, and no two entries claim
 * the same term or alias.
 */
export function checkGlossary(bundle: Bundle): Issue[] {
  const glossary = bundle.glossary;
  if (!glossary) return [];
  const issues: Issue[] = [];
  const termIds = new Map<string, number>();
  // A term or alias, lower-cased, to the id of the entry that defines it.
  const idByName = new Map<string, string>();

  for (const [position, entry] of glossary.data.terms.entries()) {
    const earlier = termIds.get(entry.id);
    if (earlier !== undefined) {
      issues.push(
        makeIssue(
          glossary.file,
          ['terms', position, 'id'],
          'glossary/duplicate-id',
          `term id '${entry.id}' is also used by term ${earlier + 1}; each term needs its own id`,
        ),
      );
      continue;
    }
    termIds.set(entry.id, position);

    const names: [string, (string | number)[]][] = [
      [entry.term, ['term']],
      ...(entry.aliases ?? []).map((alias, aliasPosition): [string, (string | number)[]] => [
        alias,
        ['aliases', aliasPosition],
      ]),
    ];
    for (const [name, place] of names) {
      const owner = idByName.get(name.toLowerCase());
      if (owner === undefined) {
        idByName.set(name.toLowerCase(), entry.id);
      } else if (owner !== entry.id) {
        issues.push(
          makeIssue(
            glossary.file,
            ['terms', position, ...place],
            'glossary/duplicate-term',
            `'${name}' is also a term or alias of '${owner}'; readers would not know which definition is meant`,
            { severity: 'warning' },
          ),
        );
      }
    }
  }

  const suggestTerm = (written: string): string[] => {
    const byName = idByName.get(written.toLowerCase());
    return byName === undefined ? closestMatches(written, termIds.keys()) : [byName];
  };

  for (const [position, entry] of glossary.data.terms.entries()) {
    for (const [seePosition, id] of (entry.seeAlso ?? []).entries()) {
      const place = ['terms', position, 'seeAlso', seePosition];
      if (id === entry.id) {
        issues.push(
          makeIssue(
            glossary.file,
            place,
            'glossary/self-reference',
            `term '${id}' lists itself in seeAlso; remove it`,
            {
              severity: 'warning',
            },
          ),
        );
      } else if (!termIds.has(id)) {
        issues.push(
          makeIssue(
            glossary.file,
            place,
            'glossary/unknown-see-also',
            `seeAlso names '${id}', which is not a term id in the glossary`,
            {
              expected: suggestTerm(id),
            },
          ),
        );
      }
    }
  }

  for (const lesson of bundle.lessons) {
    for (const [position, id] of lesson.data.keyTerms.entries()) {
      if (termIds.has(id)) continue;
      issues.push(
        makeIssue(
          lesson.file,
          ['keyTerms', position],
          'lesson/unknown-key-term',
          `key term '${id}' is not a term id in ${glossary.file}; add the term there or fix the id`,
          { expected: suggestTerm(id) },
        ),
      );
    }
  }
  return issues;
}
