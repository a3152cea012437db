import { slugPattern, slugProblem, toSlug } from '@coursekit/issues';
import { z } from 'zod';
import { contentMeta } from './content-meta.js';

export { toSlug };

/** An id that appears in URLs and cross-references: lowercase words joined by hyphens. */
export const slugSchema = z
  .string()
  .regex(slugPattern, { error: (issue) => slugProblem(String(issue.input)) })
  .register(contentMeta, {
    ruleId: 'schema/invalid-id',
    expected: (input) => {
      if (typeof input !== 'string') return undefined;
      const slug = toSlug(input);
      return slug === '' || slug === input ? undefined : [slug];
    },
  });
