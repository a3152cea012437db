import type { Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { ReadingTime } from './lesson-data.js';
import { insideInstructorBlock } from './teacher-only.js';

/** Words per minute of an attentive reader of course prose. */
export const wordsPerMinute = 200;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

// The Unicode word rules (UAX #29, which `Intl.Segmenter` follows) never join across ASCII spaces, tabs or
// line breaks, and ASCII punctuation (all but `_`) at the edge of a run of ASCII letters and digits joins
// nothing to it. So such a token is exactly one word, a token of that punctuation alone is none, and only
// the other tokens need the segmenter, which costs far more per word than these two checks.
const tokenSeparator = /[ \t\n\r]+/;
const oneWord = /^[!-/:-@[-^`{-~]*[A-Za-z0-9]+[!-/:-@[-^`{-~]*$/;
const noWord = /^[!-/:-@[-^`{-~]+$/;

/**
 * Count words with the locale's word rules (`Intl.Segmenter`), so languages without spaces count too.
 * Plain ASCII words are counted without the segmenter, with the same result.
 */
export function countWords(text: string, language = 'en'): number {
  let words = 0;
  const rest: string[] = [];
  for (const token of text.split(tokenSeparator)) {
    if (oneWord.test(token)) words++;
    else if (token !== '' && !noWord.test(token)) rest.push(token);
  }
  if (rest.length === 0) return words;
  for (const segment of segmenterFor(language).segment(rest.join(' '))) if (segment.isWordLike) words++;
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
