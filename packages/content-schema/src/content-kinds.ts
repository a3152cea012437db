import type { Issue } from '@coursekit/issues';
import type { z } from 'zod';
import { courseSchema } from './course-schema.js';
import { glossarySchema } from './glossary-schema.js';
import { lessonFrontmatterSchema } from './lesson-frontmatter-schema.js';
import { timelineSchema } from './timeline-schema.js';
import { zodIssuesToCourseIssues } from './zod-issues.js';

/**
 * Each kind of file this package defines and the schema that checks it. Quizzes are quiz-engine's; the
 * registry of every course file kind, quizzes included, is `@coursekit/mdx`'s `courseFileKinds`.
 */
export const contentSchemas = {
  course: courseSchema,
  'lesson-frontmatter': lessonFrontmatterSchema,
  glossary: glossarySchema,
  timeline: timelineSchema,
} as const;

export type ContentKind = keyof typeof contentSchemas;
export const contentKinds = Object.keys(contentSchemas) as ContentKind[];

/** The checked data of a kind of file: `ContentOf<'glossary'>` is `Glossary`. */
export type ContentOf<K extends ContentKind> = z.output<(typeof contentSchemas)[K]>;

export type ParseContentResult<T> = { ok: true; data: T; issues: [] } | { ok: false; issues: Issue[] };

/**
 * Check already-loaded data (parsed YAML) against a schema. Never throws for bad data: every problem comes
 * back as an issue located by a JSON pointer.
 */
export function parseWithSchema<T>(schema: z.ZodType<T>, data: unknown, file: string): ParseContentResult<T> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, data: result.data, issues: [] };
  return { ok: false, issues: zodIssuesToCourseIssues(result.error, file, { schema, input: data }) };
}

/**
 * Check already-loaded data (parsed YAML) against the schema of its kind. Never throws for bad data:
 * every problem comes back as an issue located by a JSON pointer.
 */
export function parseContent<K extends ContentKind>(
  kind: K,
  data: unknown,
  file: string,
): ParseContentResult<ContentOf<K>> {
  const schema = contentSchemas[kind] as unknown as z.ZodType<ContentOf<K>> | undefined;
  if (!schema) {
    throw new TypeError(`unknown content kind '${String(kind)}'; use one of ${contentKinds.join(', ')}`);
  }
  return parseWithSchema(schema, data, file);
}
