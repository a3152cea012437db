import { closestMatches } from '@coursekit/issues';
import { type ParseError, parse as parseJsonText, printParseErrorCode } from 'jsonc-parser';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { cslDateVariables, cslItemTypes, cslNameVariables } from './csl-vocabulary.js';
import { CslDataError, type CslDataIssue } from './errors.js';
import type { ParseReferencesOptions } from './parse-bibtex.js';
import type { CslItem } from './types.js';

const nameSchema = z
  .looseObject({
    family: z.string().optional(),
    given: z.string().optional(),
    literal: z.string().optional(),
  })
  .refine((name) => Boolean(name.family || name.given || name.literal), {
    error: 'a name needs family (and given), or literal for an organisation',
  });

const namesSchema = z.array(nameSchema, {
  error: 'write names as a list: [{ family: Example, given: Ada }] or [{ literal: United Nations }]',
});

const datePart = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]);

const dateSchema = z.union(
  [
    z.looseObject({
      'date-parts': z.array(z.array(datePart).min(1).max(3)).min(1).max(2).optional(),
      literal: z.string().optional(),
      raw: z.string().optional(),
    }),
    // CSL-YAML writes dates as text (`2017-12-22`) or a year; citeproc-js reads `raw` dates.
    z
      .string()
      .min(1)
      .transform((raw) => ({ raw })),
    z
      .number()
      .int()
      .transform((year) => ({ 'date-parts': [[year]] })),
  ],
  { error: 'write a date as { date-parts: [[2017, 12, 22]] } or as text such as 2017-12-22' },
);

function typeProblem(input: unknown): string {
  const close = typeof input === 'string' ? closestMatches(input, cslItemTypes, { limit: 1 }) : [];
  const hint = close.length > 0 ? ` (did you mean '${close[0]}'?)` : '';
  return `unknown type ${JSON.stringify(input)}${hint}: use a CSL type such as article-journal, book, chapter, webpage or document`;
}

const itemSchema = z.looseObject({
  id: z
    .union([z.string().min(1), z.number()], { error: 'every item needs an id: its citation key' })
    .transform(String),
  type: z.enum(cslItemTypes, { error: (issue) => typeProblem(issue.input) }),
  ...Object.fromEntries(cslNameVariables.map((variable) => [variable, namesSchema.optional()])),
  ...Object.fromEntries(cslDateVariables.map((variable) => [variable, dateSchema.optional()])),
});

const itemsSchema = z.array(itemSchema, { error: 'expected a list of CSL items' });

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

/** Checks parsed data as a list of CSL items (a `references:` mapping, as pandoc writes it, also works). */
function validateItems(
  data: unknown,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined,
  source?: string,
): CslItem[] {
  const isReferencesMapping =
    data !== null && typeof data === 'object' && !Array.isArray(data) && 'references' in data;
  const list = isReferencesMapping ? (data as { references: unknown }).references : data;
  const base: PropertyKey[] = isReferencesMapping ? ['references'] : [];
  const result = itemsSchema.safeParse(list);
  const issues: CslDataIssue[] = [];
  const keyAt = (index: unknown): string | undefined => {
    const item = Array.isArray(list) && typeof index === 'number' ? list[index] : undefined;
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  };
  const issueAt = (path: PropertyKey[], message: string): CslDataIssue => {
    const line = lineOf([...base, ...path]);
    const key = keyAt(path[0]);
    return {
      path: pathText([...base, ...path]),
      message,
      ...(line === undefined ? {} : { line }),
      ...(key === undefined ? {} : { key }),
    };
  };
  if (!result.success) {
    for (const issue of result.error.issues) issues.push(issueAt(issue.path, issue.message));
    throw new CslDataError(issues, source);
  }
  const firstIndex = new Map<string, number>();
  result.data.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) firstIndex.set(item.id, index);
    else
      issues.push(
        issueAt([index, 'id'], `duplicate id '${item.id}': item [${earlier}] has it too; rename one`),
      );
  });
  if (issues.length > 0) throw new CslDataError(issues, source);
  return result.data as CslItem[];
}

/** A function from a data path to its 1-based line, through the YAML parser (JSON is YAML too). */
function lineFinder(text: string): (path: ReadonlyArray<PropertyKey>) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return (path) => {
    // A missing field has no node: report the line of the nearest thing that is there.
    for (let length = path.length; length >= 0; length -= 1) {
      const node = document.getIn(path.slice(0, length), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

const jsonProblems: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "':' is expected",
  CommaExpected: "',' is expected",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  EndOfFileExpected: 'there is text after the end of the data',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfString: 'a string is not closed',
  InvalidCharacter: 'a string holds a control character',
};

function jsonProblem(code: ParseError['error']): string {
  const name = printParseErrorCode(code);
  return jsonProblems[name] ?? name;
}

/** Reads CSL-JSON (a list of items) and checks every item. Throws `CslDataError` listing every problem. */
export function parseCslJson(text: string, options: ParseReferencesOptions = {}): CslItem[] {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonText(text, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (error) {
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    throw new CslDataError(
      [{ path: '', line, message: `not valid JSON: ${jsonProblem(error.error)} at column ${column}` }],
      options.source,
    );
  }
  return validateItems(data, lineFinder(text), options.source);
}

/**
 * Reads CSL-YAML (a list of items, or pandoc's `references:` mapping) and checks every item.
 * Throws `CslDataError` listing every problem.
 */
export function parseCslYaml(text: string, options: ParseReferencesOptions = {}): CslItem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const [error] = document.errors;
  if (error) {
    const line = error.linePos?.[0].line;
    throw new CslDataError(
      [{ path: '', message: `not valid YAML: ${error.message.split('\n')[0]}`, ...(line ? { line } : {}) }],
      options.source,
    );
  }
  return validateItems(document.toJS(), lineFinder(text), options.source);
}

/** Checks CSL items given in code, as `parseCslJson` checks them in text. */
export function checkCslItems(items: unknown): CslItem[] {
  return validateItems(items, () => undefined);
}
