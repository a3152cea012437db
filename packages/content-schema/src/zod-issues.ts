import { createIssue, type Issue } from '@coursekit/issues';
import type { z } from 'zod';
import { allowedKeys, descriptionOf, metaOf, type SchemaChain, schemasAtPath } from './schema-walk.js';
import { closestMatches } from './suggest.js';

export interface ZodIssueOptions {
  /** The schema that produced the error: gives allowed keys, field descriptions and teacher-readable rules. */
  schema?: z.ZodType;
  /** The data that was checked: tells a missing field from a wrong one and shows what was written. */
  input?: unknown;
}

type ZodIssue = z.core.$ZodIssue;

const absent = Symbol('absent');
const notGiven = Symbol('not given');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return absent;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `text (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a set of "key: value" fields';
  return typeof value;
}

/** `, not "beginner"`, or nothing when the value is not known. */
function got(value: unknown): string {
  if (value === absent || value === notGiven || value === undefined) return '';
  return `, not ${typeof value === 'string' ? JSON.stringify(value) : value === null ? 'empty' : String(value)}`;
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of "key: value" fields',
};

/** `'duration'`, `'text' in objectives item 1`, `keyPoints item 3`, or the file's own label at the root. */
function describePlace(path: readonly PropertyKey[], rootLabel: string): string {
  const last = path[path.length - 1];
  if (last === undefined) return rootLabel;
  const parent = path[path.length - 2];
  if (typeof last === 'number') {
    return parent === undefined ? `item ${last + 1}` : `${String(parent)} item ${last + 1}`;
  }
  const grandparent = path[path.length - 3];
  if (typeof parent === 'number') {
    return `'${String(last)}' in ${grandparent === undefined ? '' : `${String(grandparent)} `}item ${parent + 1}`;
  }
  return `'${String(last)}'`;
}

function withHint(message: string, hint: string | undefined): string {
  return hint ? `${message} (${hint.replace(/\.$/, '')})` : message;
}

interface Converted {
  message: string;
  ruleId: string;
  expected?: string[] | undefined;
  note?: string | undefined;
}

function convertIssue(
  issue: ZodIssue,
  chains: SchemaChain[],
  value: unknown,
  parentLabel: string,
  place: string,
): Converted {
  const hint = descriptionOf(chains);
  const ruleId = metaOf(chains, 'ruleId');
  // Registered schemas word their own format and value checks; types, emptiness and bounds are generic.
  const ownCheck =
    issue.code === 'invalid_format' || issue.code === 'invalid_value' || issue.code === 'custom';
  if (ruleId !== undefined && ownCheck) {
    const known = value !== absent && value !== notGiven;
    return {
      message: issue.message,
      ruleId,
      expected: known ? metaOf(chains, 'expected')?.(value) : undefined,
      note: known ? metaOf(chains, 'note')?.(value) : undefined,
    };
  }
  const key = issue.path[issue.path.length - 1];
  // Zod gives a missing field and a wrong one the same issue code, so only the input tells them apart: the
  // data checked, or the issue's own `input` (present, as undefined, when parsed with `reportInput`). Its
  // wording is not a contract; without either, a missing field reads as "must be <type>", still true.
  const reportedUndefined = 'input' in issue && issue.input === undefined;
  const missing = key !== undefined && (value === absent || value === undefined || reportedUndefined);
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return {
      message: withHint(`missing '${String(key)}' in ${parentLabel}`, hint),
      ruleId: 'schema/missing-field',
    };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords[issue.expected] ?? issue.expected;
      if (value === notGiven)
        return { message: withHint(`${place} must be ${expected}`, hint), ruleId: 'schema/wrong-type' };
      if (issue.path.length === 0) {
        return {
          message: `${place} must be ${expected}, not ${describeValue(value)}`,
          ruleId: 'schema/wrong-type',
        };
      }
      if (value === null) {
        return {
          message: withHint(`${place} is empty; write ${expected} after it`, hint),
          ruleId: 'schema/wrong-type',
        };
      }
      const quoteIt =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? `; put it in quotes: "${String(value)}"`
          : '';
      return {
        message: withHint(`${place} must be ${expected}, not ${describeValue(value)}${quoteIt}`, hint),
        ruleId: 'schema/wrong-type',
      };
    }
    case 'too_small': {
      if (issue.origin === 'string')
        return { message: withHint(`${place} is empty`, hint), ruleId: 'schema/empty' };
      if (issue.origin === 'array') {
        const count = Number(issue.minimum);
        return {
          message: withHint(`${place} needs at least ${count} item${count === 1 ? '' : 's'}`, hint),
          ruleId: 'schema/too-few',
        };
      }
      const bound = issue.inclusive ? `at least ${issue.minimum}` : `greater than ${issue.minimum}`;
      return {
        message: withHint(`${place} must be ${bound}${got(value)}`, hint),
        ruleId: 'schema/too-small',
      };
    }
    case 'too_big': {
      if (issue.origin === 'array' || issue.origin === 'string') {
        return {
          message: withHint(
            `${place} is too long: at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}`,
            hint,
          ),
          ruleId: 'schema/too-big',
        };
      }
      const bound = issue.inclusive ? `at most ${issue.maximum}` : `less than ${issue.maximum}`;
      return { message: withHint(`${place} must be ${bound}${got(value)}`, hint), ruleId: 'schema/too-big' };
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return {
        message: `${place} must be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}${got(value)}`,
        ruleId: 'schema/not-allowed',
        expected: typeof value === 'string' ? closestMatches(value, options) : undefined,
      };
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options?.map(String);
      if (options && options.length > 0) {
        return {
          message: `${place} must be one of ${options.join(', ')}${got(value)}`,
          ruleId: 'schema/not-allowed',
          expected: typeof value === 'string' ? closestMatches(value, options) : undefined,
        };
      }
      return {
        message: withHint(`${place} does not match any allowed form`, hint),
        ruleId: 'schema/invalid',
      };
    }
    case 'invalid_format':
      return {
        message: withHint(`${place} is not in the expected form`, hint),
        ruleId: 'schema/invalid-format',
      };
    default:
      return { message: `${place}: ${issue.message}`, ruleId: 'schema/invalid' };
  }
}

/**
 * Turn a Zod error into course issues, one per problem (one per unknown key), each with a JSON pointer,
 * a message for teachers, a rule id and, where there is one, a suggestion.
 */
export function zodIssuesToCourseIssues(
  error: z.ZodError,
  file: string,
  options: ZodIssueOptions = {},
): Issue[] {
  const { schema } = options;
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    const path = issue.path;
    const chains = schema ? schemasAtPath(schema, path) : [];
    const parentChains = schema ? schemasAtPath(schema, path.slice(0, -1)) : [];
    const rootLabel = (schema && metaOf(schemasAtPath(schema, []), 'label')) ?? 'this file';
    const parentLabel =
      path.length <= 1
        ? rootLabel
        : (metaOf(parentChains, 'label') ?? describePlace(path.slice(0, -1), rootLabel));
    // The input at the path is exact; an issue's own `input` can be the enclosing object (unions do that).
    const fromIssue = 'input' in issue && issue.input !== undefined ? issue.input : notGiven;
    const value = 'input' in options ? valueAt(options.input, path) : fromIssue;

    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(chains);
      const label = metaOf(chains, 'label') ?? describePlace(path, rootLabel);
      for (const key of issue.keys) {
        issues.push(
          createIssue(
            file,
            'schema/unknown-key',
            `unknown key '${key}' in ${label}${allowed.length > 0 ? `; allowed keys: ${allowed.join(', ')}` : ''}`,
            { pointer: [...path, key], target: 'key', expected: closestMatches(key, allowed) },
          ),
        );
      }
      continue;
    }

    const converted = convertIssue(issue, chains, value, parentLabel, describePlace(path, rootLabel));
    issues.push(
      createIssue(file, converted.ruleId, converted.message, {
        pointer: path,
        expected: converted.expected,
        note: converted.note,
      }),
    );
  }
  return issues;
}
