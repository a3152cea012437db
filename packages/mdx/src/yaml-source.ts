import { createYamlLocator, type CourseIssue as SchemaIssue } from '@coursekit/content-schema';
import { LineCounter, parseDocument } from 'yaml';
import type { CourseIssue } from './issue.js';

/** A 1-based place in a file. */
export interface SourcePoint {
  line: number;
  column: number;
}

export interface YamlSyntaxError extends SourcePoint {
  message: string;
}

export interface YamlSource {
  /** The parsed value; `undefined` when the text has syntax errors. */
  data: unknown;
  errors: YamlSyntaxError[];
  /** Place an issue found by `@coursekit/content-schema` (a JSON pointer into the data) in the file. */
  place(issue: SchemaIssue): CourseIssue;
}

export interface ParseYamlOptions {
  /** Line of the file where the YAML text starts (2 for front matter after `---`). */
  firstLine?: number;
}

/** The located issue for a content-schema issue at `point`, its suggestion folded into the message. */
export function issueAt(issue: SchemaIssue, point: SourcePoint): CourseIssue {
  return {
    file: issue.file,
    line: point.line,
    column: point.column,
    message: issue.suggestion ? `${issue.message} (${issue.suggestion})` : issue.message,
    rule: issue.rule,
    severity: issue.severity,
  };
}

/** Parse YAML keeping where every value is written, so schema problems can point at their line. */
export function parseYamlSource(text: string, options: ParseYamlOptions = {}): YamlSource {
  const lineShift = (options.firstLine ?? 1) - 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Errors found at the end of the text (an unclosed quote) point at its last written line instead.
  const lastLine = Math.max(text.trimEnd().split('\n').length, 1);
  const errors = document.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const inside = line <= lastLine;
    return {
      message: error.message.split('\n')[0] ?? error.message,
      line: (inside ? line : lastLine) + lineShift,
      column: inside ? col : 1,
    };
  });
  let locator: ReturnType<typeof createYamlLocator> | undefined;
  return {
    data: errors.length > 0 ? undefined : document.toJS(),
    errors,
    place(issue) {
      locator ??= createYamlLocator(text);
      const point = locator(issue.pointer, issue.target ?? 'value');
      return issueAt(issue, { line: Math.max(point.line, 1) + lineShift, column: Math.max(point.column, 1) });
    },
  };
}
