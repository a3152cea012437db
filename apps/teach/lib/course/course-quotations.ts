/**
 * Finds the quotations in a course text and the article paragraphs each one is cited to, so that tests can
 * check every quotation against the source it claims to come from. Quotations are the text between double
 * curly quotes (“…”); single quotes (‘…’) mark titles and hypothetical wording and are not checked.
 */

export interface FoundQuotation {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** The sentence the quotation stands in. */
  sentence: string;
  /** Article paragraph numbers the sentence cites (citation locators or "paragraph N" in the prose). */
  paragraphs: number[];
}

const citationKey = 'rinna-two-peripheries';

/** Straight and curly apostrophes and quotes compared alike, spaces collapsed, for matching only. */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/\[\[[^\]|]+\|([^\]]+)\]\]/g, '$1')
    .replace(/\[\[([^\]]+)\]\]/g, '$1')
    .replace(/[*_]/g, '')
    .replace(/[‘’']/g, "'")
    .replace(/[“”"]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits text into sentences at `.`, `?` or `!` followed by a space and a capital, a quote or a bracket,
 * never inside a quotation and never after an abbreviated locator (`para. 4`).
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '“') depth += 1;
    else if (char === '”') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === '.' || char === '?' || char === '!')) {
      const before = text.slice(Math.max(0, index - 5), index);
      if (/\b(para|paras|e\.g|i\.e|cf|p|pp|No|chap)$/.test(before)) continue;
      const rest = text.slice(index + 1);
      const boundary = /^[)\]*_’]*\s+(?=[A-Z“‘*[(0-9])/.exec(rest);
      if (boundary) {
        const end = index + 1 + boundary[0].length;
        sentences.push(text.slice(start, end).trim());
        start = end;
      }
    }
  }
  const last = text.slice(start).trim();
  if (last) sentences.push(last);
  return sentences;
}

function expandNumbers(list: string): number[] {
  const numbers: number[] = [];
  for (const part of list.matchAll(/(\d+)(?:\s*(?:–|-|to)\s*(\d+))?/g)) {
    const from = Number(part[1]);
    const to = part[2] ? Number(part[2]) : from;
    for (let n = from; n <= to; n += 1) numbers.push(n);
  }
  return numbers;
}

/** The article paragraphs a sentence points to: its citation locators and any "paragraph N" it names. */
export function citedParagraphs(sentence: string): number[] {
  const found = new Set<number>();
  const ownCitation = new RegExp(`@${citationKey},\\s*para\\.\\s*(\\d+)`, 'g');
  for (const match of sentence.matchAll(ownCitation)) found.add(Number(match[1]));
  // Locators of other sources (a resolution's own paragraphs) do not point into the article.
  const prose = sentence.replace(/\[[^\]]*@[^\]]*\]/g, ' ');
  const list = String.raw`\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*`;
  for (const match of prose.matchAll(
    new RegExp(String.raw`\b(?:paragraphs?|paras?\.?|¶)\s*(${list})`, 'gi'),
  )) {
    for (const n of expandNumbers(match[1] as string)) found.add(n);
  }
  return [...found].sort((a, b) => a - b);
}

/** Every “…” quotation in `text`, with the paragraphs its own sentence cites. */
export function findQuotations(text: string): FoundQuotation[] {
  const quotations: FoundQuotation[] = [];
  for (const sentence of splitSentences(text)) {
    const paragraphs = citedParagraphs(sentence);
    let depth = 0;
    let open = -1;
    for (let index = 0; index < sentence.length; index += 1) {
      const char = sentence[index];
      if (char === '“') {
        if (depth === 0) open = index;
        depth += 1;
      } else if (char === '”' && depth > 0) {
        depth -= 1;
        if (depth === 0) quotations.push({ text: sentence.slice(open + 1, index), sentence, paragraphs });
      }
    }
  }
  return quotations;
}

/** Where `needle` first stands in `haystack` from `from` as whole words (“complicate” is not in “complicates”). */
function wordIndex(haystack: string, needle: string, from: number): number {
  const letter = /[\p{L}\p{N}]/u;
  for (let at = haystack.indexOf(needle, from); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const startsInWord = letter.test(needle.charAt(0)) && letter.test(haystack.charAt(at - 1));
    const endsInWord =
      letter.test(needle.charAt(needle.length - 1)) && letter.test(haystack.charAt(at + needle.length));
    if (!startsInWord && !endsInWord) return at;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Whether `quotation` stands verbatim in `passage`: fragments around an ellipsis in order, the first letter
 * in either case (a quotation may start a sentence), a trailing comma or full stop the quoter added ignored.
 */
export function isVerbatimIn(quotation: string, passage: string): boolean {
  const haystack = normaliseForMatch(passage);
  const fragments = normaliseForMatch(quotation)
    .split(/…|\.\.\./)
    .map((fragment) => fragment.trim().replace(/[,.;:]$/, ''))
    .filter(Boolean);
  if (fragments.length === 0) return false;
  let from = 0;
  for (const [position, fragment] of fragments.entries()) {
    const variants =
      position === 0
        ? [
            fragment,
            fragment.charAt(0).toLowerCase() + fragment.slice(1),
            fragment.charAt(0).toUpperCase() + fragment.slice(1),
          ]
        : [fragment];
    const at = Math.min(...variants.map((variant) => wordIndex(haystack, variant, from)));
    if (!Number.isFinite(at)) return false;
    from = at + fragment.length;
  }
  return true;
}
