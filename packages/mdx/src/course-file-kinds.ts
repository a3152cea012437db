import {
  type ContentOf,
  contentSchemas,
  type ParseContentResult,
  parseWithSchema,
  schemaToJsonSchema,
} from '@coursekit/content-schema';
import { quizSchema } from '@coursekit/quiz-engine';
import type { z } from 'zod';

/**
 * Every kind of file an author writes in a course folder and the schema that checks it: content-schema's
 * kinds and quiz-engine's quiz format. The registry lives here, where the course is assembled, so the
 * schema package does not depend on the quiz engine.
 */
export const courseFileSchemas = {
  ...contentSchemas,
  quiz: quizSchema,
} as const;

export type CourseFileKind = keyof typeof courseFileSchemas;
export const courseFileKinds = Object.keys(courseFileSchemas) as CourseFileKind[];

/** The checked data of a kind of course file: `CourseFileOf<'quiz'>` is an authored quiz as parsed. */
export type CourseFileOf<K extends CourseFileKind> = K extends keyof typeof contentSchemas
  ? ContentOf<K>
  : z.output<typeof quizSchema>;

function schemaOf(kind: CourseFileKind): z.ZodType {
  const schema = courseFileSchemas[kind] as z.ZodType | undefined;
  if (!schema) {
    throw new TypeError(
      `unknown course file kind '${String(kind)}'; use one of ${courseFileKinds.join(', ')}`,
    );
  }
  return schema;
}

/**
 * Check already-loaded data (parsed YAML) against the schema of its kind. Never throws for bad data: every
 * problem comes back as an issue located by a JSON pointer.
 */
export function parseCourseFile<K extends CourseFileKind>(
  kind: K,
  data: unknown,
  file: string,
): ParseContentResult<CourseFileOf<K>> {
  return parseWithSchema(schemaOf(kind) as z.ZodType<CourseFileOf<K>>, data, file);
}

/** The JSON Schema (draft-07) of a kind of course file, for editors; written to `json-schema/<kind>.json`. */
export function courseFileJsonSchema(kind: CourseFileKind): Record<string, unknown> {
  return schemaToJsonSchema(schemaOf(kind));
}
