import { z } from 'zod';

/** What the issue converter needs to know about a schema beyond its shape. */
export interface ContentMeta {
  /** How a teacher would name an object of this shape: `lesson front matter`, `objective`. */
  label?: string;
  /** Rule id for the schema's own format or value checks, whose messages are written for teachers. */
  ruleId?: string;
  /** Likely right values for a value that failed those checks (`did you mean …`). */
  expected?: (input: unknown) => string[] | undefined;
  /** A hint in words for a value that failed those checks, when the fix is not a value to pick. */
  note?: (input: unknown) => string | undefined;
}

// A registry of its own so none of this leaks into the generated JSON Schema (which reads z.globalRegistry).
export const contentMeta = z.registry<ContentMeta>();
