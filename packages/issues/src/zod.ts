import { z } from 'zod';
import { slugPattern, slugProblem } from './slug.js';

/**
 * The Zod schema of an id (a slug), for every package that checks course files with Zod: one definition,
 * one wording. Kept in its own entry (`@coursekit/issues/zod`) so that the main entry needs no Zod.
 */
export const slugSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : 'must be an id (text), such as "hanoi-summit"',
  })
  .regex(slugPattern, { error: (issue) => slugProblem(String(issue.input)) });
