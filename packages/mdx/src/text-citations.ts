import { createIssue, type Issue, messages } from '@coursekit/issues';
import type { CitationRenderer, ReferenceEntry } from './citation-renderer.js';

/** A piece of text with citations: plain text, or a rendered citation. */
export type TextSegment =
  | { type: 'text'; value: string }
  | { type: 'citation'; keys: string[]; text: string; html: string; references: ReferenceEntry[] };

/**
 * Split text written with pandoc citations (a key point in front matter, a quiz explanation) into plain
 * text and rendered citations, for an app to show with the same `Citation` component lessons use.
 * A citation that cannot be rendered (unknown key) stays as written.
 */
export function renderCitationsInText(text: string, renderer: CitationRenderer): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of renderer.find(text)) {
    if (!found.keys.every((key) => renderer.has(key))) continue;
    let rendered: { text: string; html: string };
    try {
      rendered = renderer.render(found.cluster);
    } catch {
      continue;
    }
    if (found.start > last) segments.push({ type: 'text', value: text.slice(last, found.start) });
    segments.push({
      type: 'citation',
      keys: found.keys,
      ...rendered,
      references: renderer.references(found.keys),
    });
    last = found.end;
  }
  if (last < text.length) segments.push({ type: 'text', value: text.slice(last) });
  return segments;
}

/** An unknown citation key in authored data: the issue (a JSON pointer to the string) and the key as written. */
export interface UnknownCitationKey {
  issue: Issue;
  /** `@key`, to place the issue at the key itself inside the string. */
  text: string;
}

/**
 * Every unknown citation key in the strings of authored data (front matter, a quiz, the glossary): issues
 * pointing at the string, with the key as written so each is placed at the key's own line and column.
 */
export function unknownCitationKeysIn(
  data: unknown,
  file: string,
  renderer: CitationRenderer,
): UnknownCitationKey[] {
  const issues: UnknownCitationKey[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (!value.includes('@')) return;
      for (const found of renderer.find(value)) {
        for (const key of found.keys) {
          if (renderer.has(key)) continue;
          issues.push({
            issue: createIssue(file, 'citation/unknown-key', messages.unknownCitationKey(key), {
              pointer: path,
              expected: renderer.suggest(key),
            }),
            text: `@${key}`,
          });
        }
      }
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(data, []);
  return issues;
}
