import { BibTeXSyntaxError } from './errors.js';
import { citationJsWithBibTeX } from './lazy-modules.js';
import type { CslItem } from './types.js';

export interface ParseReferencesOptions {
  /** The file name to put in error messages (`references.bib`). */
  source?: string;
}

interface EntryStart {
  key: string;
  line: number;
  column: number;
  offset: number;
}

const entryStartPattern = /@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()"#=]*)/g;
const notEntries = new Set(['comment', 'preamble', 'string']);

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** Where each entry starts and its key, to say which entry a parser error or a duplicate is in. */
function entryStarts(text: string): EntryStart[] {
  const starts: EntryStart[] = [];
  for (const match of text.matchAll(entryStartPattern)) {
    if (notEntries.has((match[1] ?? '').toLowerCase())) continue;
    starts.push({ key: match[2] ?? '', offset: match.index, ...lineAndColumn(text, match.index) });
  }
  return starts;
}

/** What to do about the parser's complaint, in an author's words. */
function explain(parserMessage: string): string {
  const expected = /^expected "?([^"\s]+)"?, got "?([^"\s]+)"?/.exec(parserMessage);
  if (expected?.[2] === 'EOF') {
    return 'the file ends inside this entry: close every { and " and end the entry with }';
  }
  if (expected?.[1] === 'label') return 'the entry has no key: write @type{key, field = {value}, ...}';
  if (expected?.[1] === 'rbrace' || expected?.[1] === 'comma') {
    return 'a field value is not followed by a comma or by the } that ends the entry';
  }
  if (expected?.[1] === 'equals') return 'a field name is not followed by =';
  return 'unexpected text: check the braces, quotes and commas';
}

function syntaxError(error: unknown, text: string, starts: EntryStart[], source?: string): BibTeXSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const place = / at line (\d+) col (\d+)/.exec(message);
  const line = Number(place?.[1] ?? 1);
  const column = Number(place?.[2] ?? 1);
  const offset = offsetOf(text, line, column);
  const entry = starts.filter((start) => start.offset < offset).at(-1);
  const parserMessage = message.split(' at line ')[0] ?? message;
  // The parser stumbles on the next `@entry` when the one before it left a brace or quote open.
  const nextEntryStartsHere = starts.some((start) => start.offset === offset);
  const reason = nextEntryStartsHere
    ? `the entry that starts at line ${entry?.line ?? 1} is not closed: a { or " in it has no closing } or "`
    : explain(parserMessage);
  return new BibTeXSyntaxError(`${reason} (${parserMessage})`, {
    line,
    column,
    ...(entry?.key ? { key: entry.key } : {}),
    ...(source ? { source } : {}),
  });
}

/**
 * Reads BibTeX (or BibLaTeX) into CSL-JSON items through Citation.js. Each item's `id` is its entry key.
 * Throws `BibTeXSyntaxError` with the line, column and entry key of the first problem, and for a key that
 * two entries share.
 */
export function parseBibTeX(text: string, options: ParseReferencesOptions = {}): CslItem[] {
  const starts = entryStarts(text);
  let parsed: Array<Record<string, unknown>>;
  try {
    parsed = citationJsWithBibTeX().plugins.input.chain(text, {
      forceType: '@biblatex/text',
      target: '@csl/list+object',
      generateGraph: false,
    });
  } catch (error) {
    throw syntaxError(error, text, starts, options.source);
  }
  const seen = new Set<string>();
  for (const item of parsed) {
    const key = String(item.id);
    if (seen.has(key)) {
      const [first, second] = starts.filter((start) => start.key === key);
      throw new BibTeXSyntaxError(
        `duplicate key: ${first ? `the entry at line ${first.line}` : 'another entry'} has the same key; rename one`,
        {
          line: second?.line ?? 1,
          column: second?.column ?? 1,
          key,
          ...(options.source ? { source: options.source } : {}),
        },
      );
    }
    seen.add(key);
  }
  return parsed.map((item) => {
    const { _graph, ...rest } = item;
    return rest as unknown as CslItem;
  });
}
