import { createYamlLocator } from '@coursekit/content-schema';
import { type Issue, placeIssue } from '@coursekit/issues';
import { LineCounter, parseDocument } from 'yaml';

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
