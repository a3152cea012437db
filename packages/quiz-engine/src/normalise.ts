/** Letters and digits in single-spaced words: text the Unicode folding below leaves as it is, but for case. */
function isPlainAsciiWords(text: string): boolean {
  if (text.length === 0) return false;
  let previousWasSpace = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 32) {
      if (previousWasSpace) return false;
      previousWasSpace = true;
    } else if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      previousWasSpace = false;
    } else return false;
  }
  return !previousWasSpace;
}

/** Folds case, diacritics, punctuation and runs of white space so that "Équidistance!" matches "equidistance". */
export function normaliseAnswer(text: string): string {
  // Most typed answers are plain words; they skip the four Unicode passes with the same result.
  if (isPlainAsciiWords(text)) return text.toLowerCase();
  return foldText(text);
}

/** @internal The folding itself, without the shortcut for plain words. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
