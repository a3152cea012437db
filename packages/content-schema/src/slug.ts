import { z } from 'zod';
import { contentMeta } from './content-meta.js';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `Hanoi Summit!` -> `hanoi-summit`: the slug an author probably meant. */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An id that appears in URLs and cross-references: lowercase words joined by hyphens. */
export const slugSchema = z
  .string()
  .regex(slugPattern, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a valid id: use lowercase letters, digits and single hyphens, e.g. "hanoi-summit"`,
  })
  .register(contentMeta, {
    rule: 'schema/invalid-id',
    suggest: (input) => {
      if (typeof input !== 'string') return undefined;
      const slug = toSlug(input);
      return slug === '' || slug === input ? undefined : `did you mean '${slug}'?`;
    },
  });
