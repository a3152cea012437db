import { z } from 'zod';
import { contentMeta } from './content-meta.js';

function escapeForPattern(extension: string): string {
  return extension.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of a path inside the course folder ending in one of `extensions` (also for JSON Schema). */
export function coursePathPattern(extensions: readonly string[]): RegExp {
  return new RegExp(
    `^(?![/~])(?![A-Za-z]:)(?!(?:.*/)?\\.\\.(?:/|$))[^\\\\:*?"<>|]+\\.(?:${extensions.map(escapeForPattern).join('|')})$`,
  );
}

/**
 * A path to a file inside the course folder, relative to `course.yaml`, with one of the given extensions.
 * Absolute paths, `..` and backslashes are rejected so a course can never point outside its own folder.
 */
export function coursePathSchema(field: string, extensions: readonly string[], example: string) {
  const pattern = coursePathPattern(extensions);
  const endings = extensions.map((extension) => `.${extension}`);
  const endingList =
    endings.length === 1 ? endings[0] : `${endings.slice(0, -1).join(', ')} or ${endings.at(-1)}`;
  return z
    .string()
    .min(1, { abort: true })
    .regex(pattern, {
      error: (issue) => {
        const path = String(issue.input);
        const inside = /^[/~]|^[A-Za-z]:|(?:^|[/\\])\.\.(?:[/\\]|$)/.test(path)
          ? 'a path inside the course folder, relative to course.yaml'
          : /[\\:*?"<>|]/.test(path)
            ? 'a path written with forward slashes and no \\ : * ? " < > |'
            : `a file name ending in ${endingList}`;
        return `${field} ${JSON.stringify(path)} must be ${inside}, e.g. ${JSON.stringify(example)}`;
      },
    })
    .register(contentMeta, {
      ruleId: 'course/invalid-path',
      expected: (input) => {
        if (typeof input !== 'string' || !input.includes('\\')) return undefined;
        const forward = input.replaceAll('\\', '/');
        return pattern.test(forward) ? [forward] : undefined;
      },
    });
}
