import { z } from 'zod';
import { citationKeySchema } from './citation-key.js';
import { contentMeta } from './content-meta.js';
import { slugSchema } from './slug.js';
import { textSchema } from './text.js';

export const glossaryTermSchema = z
  .strictObject({
    id: slugSchema.describe('A slug that lessons use in `keyTerms` and `[[id]]` links.'),
    term: textSchema.describe('The term as readers see it.'),
    definition: textSchema.describe("The definition in the course authors' words (plain text or Markdown)."),
    aliases: z.array(textSchema).optional().describe('Other names for the term, optional.'),
    seeAlso: z.array(slugSchema).optional().describe('Ids of related glossary terms, optional.'),
    cite: z.array(citationKeySchema).optional().describe('Citation keys of the sources, optional.'),
    locator: textSchema.optional().describe('Where in the cited source, e.g. "para. 3", optional.'),
  })
  .register(contentMeta, { label: 'glossary term' });

/** `glossary.yaml`: the terms a course defines. */
export const glossarySchema = z
  .strictObject({
    terms: z.array(glossaryTermSchema).describe('The glossary terms.'),
  })
  .meta({ title: 'coursekit glossary.yaml', description: 'The glossary of a coursekit course.' })
  .register(contentMeta, { label: 'glossary' });

export type Glossary = z.output<typeof glossarySchema>;
export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
