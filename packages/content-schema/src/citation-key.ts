import { z } from 'zod';
import { contentMeta } from './content-meta.js';

// Pandoc's citation key: starts with a letter, digit or underscore; then also internal punctuation.
const citationKeyPattern = /^[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*$/;

function describeProblem(input: unknown): string {
  const text = String(input);
  if (text.startsWith('@')) {
    return `citation key ${JSON.stringify(text)} starts with '@'; write the key alone, as in references.bib`;
  }
  return `${JSON.stringify(text)} is not a citation key: use the key of an entry in the bibliography, without spaces, e.g. "rinna-two-peripheries"`;
}

/** The key of an entry in the course bibliography, as written after `@` in a citation. */
export const citationKeySchema = z
  .string()
  .regex(citationKeyPattern, { error: (issue) => describeProblem(issue.input) })
  .register(contentMeta, {
    ruleId: 'schema/invalid-citation-key',
    expected: (input) => {
      if (typeof input !== 'string') return undefined;
      const key = input.replace(/^@+/, '').trim();
      return key !== input && citationKeyPattern.test(key) ? [key] : undefined;
    },
  });
