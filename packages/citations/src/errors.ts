import { didYouMean, messages } from '@coursekit/issues';

/**
 * Every error this package throws; `ruleId` names the kind of problem (`citation/unknown-key`), one of the
 * rule ids of `@coursekit/issues`, so an app can report it like any other course issue.
 */
export class CitationsError extends Error {
  readonly ruleId: string;

  constructor(message: string, ruleId: string) {
    super(message);
    this.name = 'CitationsError';
    this.ruleId = ruleId;
  }

  /** @deprecated Use `ruleId`; this alias goes in the next minor version. */
  get rule(): string {
    return this.ruleId;
  }
}

/**
 * A citation names a key that no reference has. `expected` are the closest known keys; the message is
 * worded as every coursekit report of this rule is.
 */
export class UnknownCitationKeyError extends CitationsError {
  readonly key: string;
  readonly expected: readonly string[];

  constructor(key: string, expected: readonly string[]) {
    const hint = didYouMean(expected);
    super(`${messages.unknownCitationKey(key)}${hint ? ` (${hint})` : ''}`, 'citation/unknown-key');
    this.name = 'UnknownCitationKeyError';
    this.key = key;
    this.expected = expected;
  }

  /** @deprecated Use `expected`; this alias goes in the next minor version. */
  get suggestions(): readonly string[] {
    return this.expected;
  }
}

/** BibTeX that cannot be read. `line` and `column` are 1-based; `key` is the entry it happened in. */
export class BibTeXSyntaxError extends CitationsError {
  readonly line: number;
  readonly column: number;
  readonly key: string | undefined;
  readonly reason: string;

  constructor(reason: string, place: { line: number; column: number; key?: string; source?: string }) {
    const where = `${place.source ? `${place.source}:` : 'line '}${place.line}:${place.column}`;
    const entry = place.key ? ` in entry '${place.key}'` : '';
    super(`${where}  ${reason}${entry}`, 'citation/bibtex-syntax');
    this.name = 'BibTeXSyntaxError';
    this.line = place.line;
    this.column = place.column;
    this.key = place.key;
    this.reason = reason;
  }
}

/** One problem in CSL-JSON or CSL-YAML data: where (`[2].author[0]`, line) and what. */
export interface CslDataIssue {
  /** Path into the data, such as `[2].type`; empty for the whole document. */
  path: string;
  /** 1-based line in the text, when the data came from text. */
  line?: number;
  /** The `id` of the item the problem is in, when it has one. */
  key?: string;
  message: string;
}

/** CSL-JSON or CSL-YAML that is not a list of valid CSL items. `issues` lists every problem found. */
export class CslDataError extends CitationsError {
  readonly issues: readonly CslDataIssue[];

  constructor(issues: readonly CslDataIssue[], source?: string) {
    const lines = issues.map((issue) => {
      const place = `${source ?? ''}${issue.line === undefined ? '' : `${source ? ':' : 'line '}${issue.line}`}`;
      const path = issue.path ? `${issue.path}: ` : '';
      return `${place ? `${place}  ` : ''}${path}${issue.message}`;
    });
    const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super(`invalid CSL data (${count}):\n${lines.join('\n')}`, 'citation/csl-data');
    this.name = 'CslDataError';
    this.issues = issues;
  }
}

/** A style that is not valid CSL (or an unknown built-in style name). */
export class CslStyleError extends CitationsError {
  readonly reason: string;
  readonly line: number | undefined;

  constructor(reason: string, line?: number) {
    super(`invalid CSL style${line === undefined ? '' : ` (line ${line})`}: ${reason}`, 'citation/style');
    this.name = 'CslStyleError';
    this.reason = reason;
    this.line = line;
  }
}

/** A locale that is not a CSL locale file, or a language with no built-in locale. */
export class CslLocaleError extends CitationsError {
  constructor(reason: string) {
    super(`invalid CSL locale: ${reason}`, 'citation/locale');
    this.name = 'CslLocaleError';
  }
}

/** The style prints nothing for a citation: the references lack what the style needs. */
export class EmptyCitationError extends CitationsError {
  readonly keys: readonly string[];

  constructor(keys: readonly string[], styleTitle: string) {
    super(
      `${keys.map((key) => `'${key}'`).join(', ')} ${keys.length === 1 ? 'prints' : 'print'} nothing in ${styleTitle}: give the reference a title or an author, or add a locator to a citation that suppresses the author`,
      'citation/empty-citation',
    );
    this.name = 'EmptyCitationError';
    this.keys = keys;
  }
}
