import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BibTeXSyntaxError } from './errors.js';
import { parseBibTeX } from './parse-bibtex.js';

const fixture = readFileSync(new URL('../test/fixtures/references.bib', import.meta.url), 'utf8');

function thrownBy(run: () => unknown): BibTeXSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof BibTeXSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a BibTeXSyntaxError');
}

describe('parseBibTeX', () => {
  it('reads entries into CSL-JSON items keyed by the entry key', () => {
    const items = parseBibTeX(fixture);
    expect(items.map((item) => [item.id, item.type])).toEqual([
      ['rinna-two-peripheries', 'document'],
      ['example-test-article', 'article-journal'],
      ['tester-test-book', 'book'],
      ['sample-test-chapter', 'chapter'],
      ['example-test-web-page', 'webpage'],
    ]);
    expect(items[1]).toMatchObject({
      author: [
        { family: 'Example', given: 'Ada' },
        { family: 'Tester', given: 'Bob' },
      ],
      'container-title': 'Journal of Test Data',
      issued: { 'date-parts': [[2021]] },
      page: '45-67',
      DOI: '10.5555/test.2021.3',
    });
    expect(items[4]).toMatchObject({
      URL: 'https://example.org/test-page',
      accessed: { 'date-parts': [[2024, 5, 1]] },
    });
  });

  it('leaves the date out of an undated entry, and keeps no parser bookkeeping', () => {
    const [article] = parseBibTeX(fixture);
    expect(article).toEqual({
      id: 'rinna-two-peripheries',
      'citation-key': 'rinna-two-peripheries',
      type: 'document',
      author: [{ family: 'Rinna', given: 'Anthony V.' }],
      title: "Two Peripheries: The Ukraine War's Effect on North Korea-Russia Relations",
    });
  });

  it('returns no items for text without entries', () => {
    expect(parseBibTeX('')).toEqual([]);
    expect(parseBibTeX('% only a comment\n')).toEqual([]);
  });

  it('names the line and the entry of an unclosed brace', () => {
    const text =
      '@book{fine, title = {Fine}}\n\n@book{broken,\n  title = {Unclosed,\n  year = 2020\n}\n@book{after, title = {After}}\n';
    const error = thrownBy(() => parseBibTeX(text, { source: 'references.bib' }));
    expect(error.key).toBe('broken');
    expect(error.line).toBe(7);
    expect(error.message).toBe(
      `references.bib:7:1  the entry that starts at line 3 is not closed: a { or " in it has no closing } or " (invalid syntax) in entry 'broken'`,
    );
  });

  it('explains a missing comma between fields', () => {
    const error = thrownBy(() => parseBibTeX('@article{foo,\n  title = {x}\n  year = 2020\n}'));
    expect(error).toMatchObject({ line: 3, column: 3, key: 'foo', rule: 'citation/bibtex-syntax' });
    expect(error.reason).toMatch(/not followed by a comma/);
  });

  it('explains an entry without a key', () => {
    const error = thrownBy(() => parseBibTeX('@article{, title = {x}}'));
    expect(error.reason).toMatch(/has no key/);
    expect(error.line).toBe(1);
  });

  it('explains a file that ends inside an entry', () => {
    const error = thrownBy(() => parseBibTeX('@article{last,\n  title = {x'));
    expect(error).toMatchObject({ line: 2, key: 'last' });
    expect(error.reason).toMatch(/ends inside this entry/);
  });

  it('rejects a key used twice, at the second entry', () => {
    const error = thrownBy(() =>
      parseBibTeX('@book{same, title={A}}\n@book{other, title={B}}\n@book{same, title={C}}'),
    );
    expect(error).toMatchObject({ key: 'same', line: 3 });
    expect(error.message).toMatch(/duplicate key: the entry at line 1 has the same key/);
  });
});
