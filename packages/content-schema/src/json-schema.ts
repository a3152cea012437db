import { z } from 'zod';
import { type ContentKind, contentKinds, contentSchemas } from './content-kinds.js';

/**
 * The JSON Schema (draft-07, the dialect editors support best) of a kind of file, describing what an
 * author writes: fields with defaults are optional. Checks that need more than one field or file (unique
 * ids, cross-references) are `validateCourse`'s and are not in it.
 */
export function contentJsonSchema(kind: ContentKind): Record<string, unknown> {
  const schema = contentSchemas[kind];
  if (!schema)
    throw new TypeError(`unknown content kind '${String(kind)}'; use one of ${contentKinds.join(', ')}`);
  return schemaToJsonSchema(schema);
}

/** The JSON Schema of any course-file schema, in the same dialect and input form as `contentJsonSchema`. */
export function schemaToJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
}
