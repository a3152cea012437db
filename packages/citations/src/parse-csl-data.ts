import { closestMatches } from '@coursekit/issues';
import type { ParseError } from 'jsonc-parser';
import { cslDateVariables, cslItemTypes, cslNameVariables } from './csl-vocabulary.js';
import { CslDataError, type CslDataIssue } from './errors.js';
import { jsonc, yaml, zod } from './lazy-modules.js';
import type { ParseReferencesOptions } from './parse-bibtex.js';
import type { CslItem } from './types.js';

function typeProblem(input: unknown): string {
  const close = typeof input === 'string' ? closestMatches(input, cslItemTypes, { limit: 1 }) : [];
  const hint = close.length > 0 ? ` (did you mean '${close[0]}'?)` : '';
  return `unknown type ${JSON.stringify(input)}${hint}: use a CSL type such as article-journal, book, chapter, webpage or document`;
}

/** The schema of a list of CSL items, built with Zod when data is first checked. */
function buildItemsSchema() {
  const { z } = zod();
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

  const itemSchema = z.looseObject({
    id: z
      .union([z.string().min(1), z.number()], { error: 'every item needs an id: its citation key' })
      .transform(String),
    type: z.enum(cslItemTypes, { error: (issue) => typeProblem(issue.input) }),
    ...Object.fromEntries(cslNameVariables.map((variable) => [variable, namesSchema.optional()])),
    ...Object.fromEntries(cslDateVariables.map((variable) => [variable, dateSchema.optional()])),
  });

  return z.array(itemSchema, { error: 'expected a list of CSL items' });
}

let itemsSchema: ReturnType<typeof buildItemsSchema> | undefined;

// Items this package has checked, so that `createCiteProcessor` does not check them again.
const checkedItems = new WeakSet<object>();

const itemTypes = new Set<unknown>(cslItemTypes);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';
const isDatePart = (part: unknown) =>
  Number.isInteger(part) || (typeof part === 'string' && /^-?\d+$/.test(part));

/**
 * Whether an item plainly passes the schema as it is (nothing to convert): the common case, told without
 * loading Zod. Anything else, valid or not, is left to the schema, which converts it or says what is wrong.
 */
function plainlyValid(item: unknown): boolean {
  if (!isRecord(item) || typeof item.id !== 'string' || item.id === '' || !itemTypes.has(item.type)) {
    return false;
  }
  for (const variable of cslNameVariables) {
    const names = item[variable];
    if (names === undefined) continue;
    if (!Array.isArray(names)) return false;
    for (const name of names) {
      if (!isRecord(name) || !(name.family || name.given || name.literal)) return false;
      if (!isOptionalString(name.family) || !isOptionalString(name.given) || !isOptionalString(name.literal))
        return false;
    }
  }
  for (const variable of cslDateVariables) {
    const date = item[variable];
    if (date === undefined) continue;
    if (!isRecord(date) || !isOptionalString(date.literal) || !isOptionalString(date.raw)) return false;
    const parts = date['date-parts'];
    if (parts === undefined) continue;
    if (!Array.isArray(parts) || parts.length < 1 || parts.length > 2) return false;
    for (const part of parts) {
      if (!Array.isArray(part) || part.length < 1 || part.length > 3 || !part.every(isDatePart)) return false;
    }
  }
  return true;
}

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
  alwaysSchema = false,
): CslItem[] {
  const isReferencesMapping =
    data !== null && typeof data === 'object' && !Array.isArray(data) && 'references' in data;
  const list = isReferencesMapping ? (data as { references: unknown }).references : data;
  const base: PropertyKey[] = isReferencesMapping ? ['references'] : [];
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
  let checked: CslItem[];
  if (
    !alwaysSchema &&
    Array.isArray(list) &&
    list.every((item) => checkedItems.has(item) || plainlyValid(item))
  ) {
    checked = [...list];
  } else {
    itemsSchema ??= buildItemsSchema();
    const result = itemsSchema.safeParse(list);
    if (!result.success) {
      for (const issue of result.error.issues) issues.push(issueAt(issue.path, issue.message));
      throw new CslDataError(issues, source);
    }
    checked = result.data as CslItem[];
  }
  const firstIndex = new Map<string, number>();
  checked.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) firstIndex.set(item.id, index);
    else
      issues.push(
        issueAt([index, 'id'], `duplicate id '${item.id}': item [${earlier}] has it too; rename one`),
      );
  });
  if (issues.length > 0) throw new CslDataError(issues, source);
  for (const item of checked) checkedItems.add(item);
  return checked;
}

/** A function from a data path to its 1-based line, through the YAML parser (JSON is YAML too). */
function readLines(text: string): (path: ReadonlyArray<PropertyKey>) => number | undefined {
  const { isNode, LineCounter, parseDocument } = yaml();
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

/** `readLines`, read only when there is a problem to place. */
function lineFinder(text: string): (path: ReadonlyArray<PropertyKey>) => number | undefined {
  let lineOf: ((path: ReadonlyArray<PropertyKey>) => number | undefined) | undefined;
  return (path) => {
    lineOf ??= readLines(text);
    return lineOf(path);
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
  const name = jsonc().printParseErrorCode(code);
  return jsonProblems[name] ?? name;
}

/** Reads CSL-JSON (a list of items) and checks every item. Throws `CslDataError` listing every problem. */
export function parseCslJson(text: string, options: ParseReferencesOptions = {}): CslItem[] {
  const errors: ParseError[] = [];
  const data: unknown = jsonc().parse(text, errors, { disallowComments: true, allowTrailingComma: false });
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
  const { LineCounter, parseDocument } = yaml();
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

/**
 * Checks CSL items given in code, as `parseCslJson` checks them in text. Items that this package has already
 * checked (the results of `parseCslJson`, `parseCslYaml` or an earlier call) are not checked again.
 */
export function checkCslItems(items: unknown): CslItem[] {
  return validateItems(items, () => undefined);
}

/** `checkCslItems` through the schema every time, for tests that the shortcut agrees with it. */
export function checkCslItemsWithSchema(items: unknown): CslItem[] {
  return validateItems(items, () => undefined, undefined, true);
}
