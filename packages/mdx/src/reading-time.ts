import type { Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { ReadingTime } from './lesson-data.js';
import { insideInstructorBlock } from './teacher-only.js';

/** Words per minute of an attentive reader of course prose. */
export const wordsPerMinute = 200;

/** Count words with the locale's word rules (`Intl.Segmenter`), so languages without spaces count too. */
export function countWords(text: string, language = 'en'): number {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}

/** Words a student reads in a lesson (prose, headings, lists; not code or teacher-only blocks). */
export function readingTime(tree: Root, language = 'en'): ReadingTime {
  const pieces: string[] = [];
  visitParents(tree, 'text', (node, ancestors) => {
    if (!insideInstructorBlock(ancestors)) pieces.push(node.value);
  });
  const words = countWords(pieces.join(' '), language);
  return { words, minutes: Math.max(1, Math.ceil(words / wordsPerMinute)) };
}
