import { citationKeyPattern } from './keys.js';
import { parseLocator } from './locators.js';
import type { CitationCluster, CitationItem } from './types.js';

/** A citation found in text: where it is (`start` inclusive, `end` exclusive), as written, and what it cites. */
export interface FoundCitation extends CitationCluster {
  start: number;
  end: number;
  raw: string;
  narrative: boolean;
  items: CitationItem[];
}

const keyAtStart = new RegExp(`^(?:\\{([^{}]+)\\}|(${citationKeyPattern.source}))`, 'u');
// An `@` right after a letter, digit or these is part of a word (an e-mail address), not a citation.
const wordBefore = /[\p{L}\p{N}_.+\-/]/u;

/** The key after an `@` at `at`, and where it ends; pandoc also allows `@{any key}`. */
function keyAfterAt(text: string, at: number): { key: string; end: number } | undefined {
  const match = keyAtStart.exec(text.slice(at + 1));
  if (!match) return undefined;
  const key = (match[1] ?? match[2] ?? '').trim();
  return key ? { key, end: at + 1 + match[0].length } : undefined;
}

/** The index of the `]` that closes the `[` at `open`, minding nested brackets and backslash escapes. */
function closingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '[') depth += 1;
    else if (char === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return undefined;
}

/** Splits bracket content at the semicolons that separate citations (not those inside nested brackets). */
function splitCitations(content: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let index = 0; index < content.length; index += 1) {
    const char = content[index];
    if (char === '\\') index += 1;
    else if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === ';' && depth === 0) {
      parts.push(content.slice(from, index));
      from = index + 1;
    }
  }
  parts.push(content.slice(from));
  return parts;
}

/** Locator and suffix from the text after a key: `, para. 3`, `, p. 4, emphasis added`, ` and passim`. */
function locatorAndSuffix(after: string): Pick<CitationItem, 'locator' | 'label' | 'suffix'> {
  const withoutComma = after.replace(/^\s*,/, '');
  const parsed = parseLocator(withoutComma);
  if (parsed) {
    return {
      locator: parsed.locator,
      label: parsed.label,
      ...(parsed.suffix?.trim() ? { suffix: parsed.suffix.trimEnd() } : {}),
    };
  }
  return after.trim() ? { suffix: after.trimEnd() } : {};
}

/** One `;`-separated part of a bracketed citation: `see -@key, p. 4 and elsewhere`. */
function citationInBrackets(part: string): CitationItem | undefined {
  for (let at = part.indexOf('@'); at !== -1; at = part.indexOf('@', at + 1)) {
    const suppressAuthor = part[at - 1] === '-';
    const keyStart = suppressAuthor ? at - 1 : at;
    const before = part[keyStart - 1];
    if (before !== undefined && !/\s/u.test(before)) continue;
    const found = keyAfterAt(part, at);
    if (!found) continue;
    const prefix = part.slice(0, keyStart).trim();
    return {
      key: found.key,
      ...(prefix ? { prefix } : {}),
      ...(suppressAuthor ? { suppressAuthor: true } : {}),
      ...locatorAndSuffix(part.slice(found.end)),
    };
  }
  return undefined;
}

function bracketedCitation(text: string, open: number): FoundCitation | undefined {
  const close = closingBracket(text, open);
  if (close === undefined) return undefined;
  // `[text](url)` and `[text][ref]` are links, not citations.
  const next = text[close + 1];
  if (next === '(' || next === '[') return undefined;
  const items: CitationItem[] = [];
  for (const part of splitCitations(text.slice(open + 1, close))) {
    const item = citationInBrackets(part);
    if (!item) return undefined;
    items.push(item);
  }
  return { start: open, end: close + 1, raw: text.slice(open, close + 1), narrative: false, items };
}

function narrativeCitation(text: string, at: number): FoundCitation | undefined {
  const before = text[at - 1];
  if (before !== undefined && wordBefore.test(before)) return undefined;
  const found = keyAfterAt(text, at);
  if (!found) return undefined;
  let end = found.end;
  let details: Pick<CitationItem, 'locator' | 'label' | 'suffix'> = {};
  // `@key [p. 33]`: a locator for a narrative citation, in brackets right after it.
  const bracket = /^ ?\[/.exec(text.slice(end));
  if (bracket) {
    const open = end + bracket[0].length - 1;
    const close = closingBracket(text, open);
    const inside = close === undefined ? '' : text.slice(open + 1, close);
    const next = close === undefined ? undefined : text[close + 1];
    if (close !== undefined && !inside.includes('@') && next !== '(' && next !== '[') {
      details = locatorAndSuffix(inside);
      end = close + 1;
    }
  }
  return {
    start: at,
    end,
    raw: text.slice(at, end),
    narrative: true,
    items: [{ key: found.key, ...details }],
  };
}

/**
 * Finds pandoc citations in text, in order: `[@key]`, `[@key, para. 3]`, `[see @a, p. 4; @b]`, `[-@key]`
 * (author suppressed) and `@key` (narrative, optionally `@key [p. 4]`). E-mail addresses and `\@` are not
 * citations; neither is a bracket that is a Markdown link.
 */
export function parseCitations(text: string): FoundCitation[] {
  const found: FoundCitation[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    const citation =
      char === '['
        ? bracketedCitation(text, index)
        : char === '@'
          ? narrativeCitation(text, index)
          : undefined;
    if (citation) {
      found.push(citation);
      index = citation.end;
    } else {
      index += 1;
    }
  }
  return found;
}
