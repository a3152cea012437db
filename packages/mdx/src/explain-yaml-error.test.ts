import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source.js';

/** `line:column  message` of the first syntax error of a YAML text. */
function firstError(text: string): string {
  const [error] = parseYamlSource(text).errors;
  return error ? `${error.line}:${error.column}  ${error.message}` : 'no error';
}

describe('YAML syntax errors, explained with the fix', () => {
  it('an unclosed quotation mark: where it opens, and how to close it', () => {
    expect(firstError('id: a\ntitle: "Two Peripheries\nsummary: x\n')).toBe(
      '2:8  the double quotation mark (") that starts this text is never closed; add the closing " at the end of the text (write \\" for a quotation mark inside it)',
    );
    expect(firstError("title: 'Two\nsummary: x\n")).toMatch(/^1:8 {2}the single quotation mark \('\)/);
  });

  it('a tab used for indentation', () => {
    expect(firstError('lessons:\n\t- a\n')).toBe(
      '2:1  this line is indented with a tab; YAML needs spaces: replace the tab with spaces',
    );
  });

  it('a colon inside unquoted text', () => {
    expect(firstError('title: Rupture: the 1990s\n')).toMatch(
      /^1:8 {2}a colon in this text makes YAML read another key; .*quotes around text that contains ": "/,
    );
  });

  it('a value that starts with @, as a citation key would', () => {
    expect(firstError('cite: @rinna\n')).toBe(
      '1:7  a value cannot start with @ in YAML; put the whole value in quotes (cite: "@rinna-two-peripheries")',
    );
  });

  it('a value that starts with *, read as an alias (which used to crash the check)', () => {
    expect(firstError('title: ok\ntext: *important*\n')).toBe(
      '2:7  a value starting with * is read as a YAML alias; put the value in quotes ("*important*")',
    );
  });

  it('keys out of line, a list item without a dash, an unclosed [ list', () => {
    expect(firstError('lessons:\n  - a\n  b: c\n')).toMatch(/^3:1 {2}this line is not lined up/);
    expect(firstError('outcomes:\n  - id: a\n   text: b\n')).toMatch(
      /^3:1 {2}this line is indented as a list item but does not start with "- "/,
    );
    expect(firstError('tags: [a, b\nx: 1\n')).toBe(
      '2:1  a [ … ] list is not closed before the next line; add the closing ]',
    );
  });

  it('a key written twice, by name', () => {
    expect(firstError('title: a\ntitle: b\n')).toBe(
      "2:1  'title' is written twice in the same block; keep one of the two",
    );
  });

  it('text after a closing quotation mark, and a second document', () => {
    expect(firstError('title: "Two" Peripheries\n')).toMatch(
      /^1:14 {2}there is more text after the end of this value/,
    );
    expect(firstError('a: 1\n---\nb: 2\n')).toMatch(
      /^2:1 {2}a line of three dashes \(---\) starts a second document/,
    );
  });

  it("never repeats the parser's own wording", () => {
    const texts = [
      'title: Rupture: the 1990s\n',
      'title:Two\nx: 1\n',
      'lessons:\n  - a\n  b: c\n',
      'x: %50\n',
    ];
    for (const text of texts) {
      expect(firstError(text)).not.toMatch(
        /compact mappings|Implicit keys|mapping items|reserved character|directive indicator/,
      );
    }
  });
});
