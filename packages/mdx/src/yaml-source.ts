import { createYamlLocator } from '@coursekit/content-schema';
import { type Issue, placeIssue } from '@coursekit/issues';
import { LineCounter, parseDocument } from 'yaml';
import { explainYamlError } from './explain-yaml-error.js';

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
  /**
   * Place an issue found in the parsed data (by its JSON pointer) at its line and column in the file; with
   * `text`, at that text inside the value (a citation key inside an explanation).
   */
  place(issue: Issue, text?: string): Issue;
}

export interface ParseYamlOptions {
  /** Line of the file where the YAML text starts (2 for front matter after `---`). */
  firstLine?: number;
}

/** Parse YAML keeping where every value is written, so schema problems can point at their line. */
export function parseYamlSource(text: string, options: ParseYamlOptions = {}): YamlSource {
  const lineShift = (options.firstLine ?? 1) - 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Errors found at the end of the text (an unclosed quote) point at its last written line instead.
  const lastLine = Math.max(text.trimEnd().split('\n').length, 1);
  const errorAt = (message: string, offset: number): YamlSyntaxError => {
    const { line, col } = lineCounter.linePos(offset);
    const inside = line <= lastLine;
    return { message, line: (inside ? line : lastLine) + lineShift, column: inside ? col : 1 };
  };
  const errors = document.errors.map((error) => {
    const explained = explainYamlError(error, text);
    return errorAt(explained.message, explained.offset);
  });
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = document.toJS();
    } catch (error) {
      // An alias whose anchor does not exist (`text: *important*`) only fails here.
      if (!(error instanceof ReferenceError)) throw error;
      const alias = /(?:^|[\s:[{,-])\*/m.exec(text);
      const offset = alias ? alias.index + alias[0].length - 1 : 0;
      errors.push(
        errorAt(
          'a value starting with * is read as a YAML alias; put the value in quotes ("*important*")',
          offset,
        ),
      );
    }
  }
  let locator: ReturnType<typeof createYamlLocator> | undefined;
  return {
    data: errors.length > 0 ? undefined : data,
    errors,
    place(issue, within) {
      locator ??= createYamlLocator(text);
      const point = locator(issue.pointer ?? '', issue.target ?? 'value', within);
      return placeIssue(issue, {
        line: Math.max(point.line, 1) + lineShift,
        column: Math.max(point.column, 1),
      });
    },
  };
}
