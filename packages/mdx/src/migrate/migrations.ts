import { type Document, isMap, isPair, isScalar, isSeq, type Pair } from 'yaml';

/** One change a migration makes to a file's text: the range it replaces and what it says about it. */
export interface MigrationEdit {
  /** Offsets in the file's text, end exclusive. */
  start: number;
  end: number;
  /** The new text for the range (`''` to delete it). */
  text: string;
  /** What changed and why, for the report: "removed afterArticle: false (the default now)". */
  description: string;
}

/** A rewrite of one kind of course file, from a form an older coursekit wrote to the current one. */
export interface CourseMigration {
  id: string;
  /** The kind of file it rewrites. */
  kind: 'course' | 'timeline';
  /** What it does, in a sentence, for `coursekit migrate --help` and the README. */
  summary: string;
  /** The edits for one file, found in its parsed document; none when the file is already current. */
  edits(document: Document, text: string): MigrationEdit[];
}

/** The range of whole lines a block-style pair takes, or undefined when it shares a line with others. */
function pairLines(pair: Pair, text: string): { start: number; end: number } | undefined {
  const key = pair.key;
  const value = pair.value;
  if (!isScalar(key) || !isScalar(value) || !key.range || !value.range) return undefined;
  const lineStart = text.lastIndexOf('\n', key.range[0] - 1) + 1;
  // Only when the key starts its own line: not the first key after "- ", not inside { … }.
  if (text.slice(lineStart, key.range[0]).trim() !== '') return undefined;
  const newline = text.indexOf('\n', value.range[1]);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  // Nothing but a comment may follow the value on its line.
  const rest = text.slice(value.range[1], lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return { start: lineStart, end: lineEnd };
}

/**
 * Every migration `coursekit migrate` knows, oldest first. Each only rewrites what the current schema
 * makes redundant or reads differently; a file it does not need to touch is left byte for byte.
 */
export const courseMigrations: readonly CourseMigration[] = [
  {
    id: 'timeline-after-article-default',
    kind: 'timeline',
    summary:
      'afterArticle is optional and false by default, so `afterArticle: false` lines are removed (true is kept).',
    edits(document, text) {
      const events = document.get('events', true);
      if (!isSeq(events)) return [];
      const edits: MigrationEdit[] = [];
      for (const event of events.items) {
        if (!isMap(event)) continue;
        const pair = event.items.find(
          (item) => isPair(item) && isScalar(item.key) && item.key.value === 'afterArticle',
        );
        if (!pair || !isScalar(pair.value) || pair.value.value !== false) continue;
        // An event whose only other keys would be on the same line (`- afterArticle: false`) is left alone.
        const lines = pairLines(pair, text);
        if (!lines) continue;
        const id = event.get('id');
        edits.push({
          ...lines,
          text: '',
          description: `removed afterArticle: false${typeof id === 'string' ? ` from event '${id}'` : ''} (false is the default now)`,
        });
      }
      return edits;
    },
  },
];
