import { toSlug } from '@coursekit/issues';
import { slugSchema as idSchema } from '@coursekit/issues/zod';
import { contentMeta } from './content-meta.js';

export { toSlug };

/** An id that appears in URLs and cross-references: lowercase words joined by hyphens. */
export const slugSchema = idSchema.register(contentMeta, {
  ruleId: 'schema/invalid-id',
  expected: (input) => {
    if (typeof input !== 'string') return undefined;
    const slug = toSlug(input);
    return slug === '' || slug === input ? undefined : [slug];
  },
});
