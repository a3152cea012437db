import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssues, formatIssuesJson } from './format.js';
import {
  createIssue,
  hasErrors,
  issueFromMessage,
  parseJsonPointer,
  sortIssues,
  toJsonPointer,
} from './issue.js';

describe('createIssue', () => {
  it('is an error at a JSON pointer made from a path, leaving out empty details', () => {
    expect(
      createIssue('glossary.yaml', 'schema/unknown-key', "unknown key 'trem'", {
        pointer: ['terms', 2, 'trem'],
        expected: [],
      }),
    ).toEqual({
      file: 'glossary.yaml',
      pointer: '/terms/2/trem',
      message: "unknown key 'trem'",
      ruleId: 'schema/unknown-key',
      severity: 'error',
    });
  });

  it('round-trips pointers with slashes and tildes', () => {
    expect(toJsonPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(parseJsonPointer('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
  });
});

describe('formatIssue', () => {
  it('prints file:line:col  severity  message (suggestion)  rule', () => {
    const issue = createIssue('glossary.yaml', 'schema/unknown-key', "unknown key 'trem' in glossary term", {
      line: 12,
      column: 5,
      expected: ['term'],
    });
    expect(formatIssue(issue)).toBe(
      "glossary.yaml:12:5  error  unknown key 'trem' in glossary term (did you mean 'term'?)  schema/unknown-key",
    );
  });

  it('prints a note as the hint, and the file alone for an unplaced issue', () => {
    const issue = createIssue('timeline.yaml', 'timeline/invalid-date', 'date is not a day', {
      severity: 'warning',
      note: 'write it as 1992-12-22.',
    });
    expect(formatIssue(issue)).toBe(
      'timeline.yaml  warning  date is not a day (write it as 1992-12-22)  timeline/invalid-date',
    );
  });

  it('ends a report with the counts', () => {
    const issues = [
      createIssue('a.yaml', 'yaml/syntax', 'bad', { line: 1, column: 1 }),
      createIssue('b.yaml', 'quiz/unused', 'unused', { line: 1, column: 1, severity: 'warning' }),
    ];
    expect(formatIssues(issues).trim().split('\n').at(-1)).toBe('1 error, 1 warning');
    expect(formatIssues([])).toBe('no problems found\n');
    expect(hasErrors(issues)).toBe(true);
    expect(hasErrors(issues.slice(1))).toBe(false);
  });
});

describe('formatIssuesJson', () => {
  it('reports counts and every issue with the URL of its rule', () => {
    const issue = createIssue('lessons/01-a.mdx', 'citation/unknown-key', "unknown citation key 'x'", {
      line: 3,
      column: 9,
      expected: ['y'],
    });
    const report = JSON.parse(formatIssuesJson([issue], { dir: '/course' }));
    expect(report).toEqual({
      dir: '/course',
      ok: false,
      errors: 1,
      warnings: 0,
      issues: [
        {
          ...issue,
          url: 'https://unpkg.com/@coursekit/issues/docs/rules.md#citationunknown-key',
        },
      ],
    });
  });
});

describe('issueFromMessage', () => {
  it('keeps a plugin message’s place, rule, severity and expected values', () => {
    const message = new VFileMessage('unknown glossary term', {
      place: { line: 4, column: 7 },
      ruleId: 'glossary/unknown-term',
      source: '@coursekit/mdx',
    });
    message.fatal = false;
    message.expected = ['periphery'];
    expect(issueFromMessage(message, 'lessons/01-a.mdx')).toEqual({
      file: 'lessons/01-a.mdx',
      line: 4,
      column: 7,
      message: 'unknown glossary term',
      ruleId: 'glossary/unknown-term',
      source: '@coursekit/mdx',
      severity: 'warning',
      expected: ['periphery'],
    });
  });

  it('calls every MDX parser message mdx/syntax', () => {
    const message = new VFileMessage('Unexpected end of file', {
      place: { line: 2, column: 1 },
      ruleId: 'unexpected-eof',
      source: 'micromark-extension-mdx-jsx',
    });
    expect(issueFromMessage(message, 'a.mdx').ruleId).toBe('mdx/syntax');
  });

  it('sorts by file, line and column', () => {
    const at = (file: string, line: number) => createIssue(file, 'yaml/syntax', 'x', { line, column: 1 });
    expect(
      sortIssues([at('b', 1), at('a', 9), at('a', 2)]).map((issue) => `${issue.file}${issue.line}`),
    ).toEqual(['a2', 'a9', 'b1']);
  });
});
