import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchItems } from '../bench/bench-data.mjs';
import { CslDataError } from './errors.js';
import { checkCslItems, checkCslItemsWithSchema, parseCslJson, parseCslYaml } from './parse-csl-data.js';

function thrownBy(run: () => unknown): CslDataError {
  try {
    run();
  } catch (error) {
    if (error instanceof CslDataError) return error;
    throw error;
  }
  throw new Error('expected a CslDataError');
}

describe('parseCslYaml', () => {
  it("reads pandoc's references mapping, with dates written as text", () => {
    const text = readFileSync(new URL('../test/fixtures/un-documents.yaml', import.meta.url), 'utf8');
    expect(parseCslYaml(text)).toEqual([
      {
        id: 'unsc-res-2397',
        type: 'document',
        author: [{ literal: 'United Nations Security Council' }],
        title: 'Resolution 2397 (2017)',
        number: 'S/RES/2397 (2017)',
        issued: { raw: '2017-12-22' },
      },
      {
        id: 'unga-res-es-11-1',
        type: 'document',
        author: [{ literal: 'United Nations General Assembly' }],
        title: 'Aggression against Ukraine',
        number: 'A/RES/ES-11/1',
        issued: { 'date-parts': [[2022, 3, 2]] },
      },
    ]);
  });

  it('reports every problem with its path, line and item key', () => {
    const text = [
      '- id: a',
      '  type: article-jounral',
      '- id: b',
      '  type: book',
      '  author: Example, Ada',
      '- type: book',
    ].join('\n');
    const error = thrownBy(() => parseCslYaml(text, { source: 'references.yaml' }));
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: '[0].type',
        line: 2,
        key: 'a',
        message: expect.stringMatching(/did you mean 'article-journal'/),
      }),
      expect.objectContaining({
        path: '[1].author',
        line: 5,
        key: 'b',
        message: expect.stringMatching(/list/),
      }),
      expect.objectContaining({ path: '[2].id', line: 6, message: expect.stringMatching(/needs an id/) }),
    ]);
    expect(error.message).toMatch(/references\.yaml:2 {2}\[0\]\.type: unknown type "article-jounral"/);
  });

  it('reports YAML syntax errors with their line', () => {
    const error = thrownBy(() => parseCslYaml('- id: a\n  type: book\n title: [unclosed'));
    expect(error.issues[0]?.message).toMatch(/^not valid YAML/);
    expect(error.issues[0]?.line).toBeGreaterThan(1);
  });
});

describe('parseCslJson', () => {
  it('reads a list of items and makes numeric ids citation keys', () => {
    expect(parseCslJson('[{"id": 7, "type": "book", "title": "A Test Book"}]')).toEqual([
      { id: '7', type: 'book', title: 'A Test Book' },
    ]);
  });

  it('reports a duplicate id at the second item', () => {
    const text = '[\n{"id": "a", "type": "book"},\n{"id": "a", "type": "report"}\n]';
    expect(thrownBy(() => parseCslJson(text)).issues).toEqual([
      { path: '[1].id', line: 3, key: 'a', message: "duplicate id 'a': item [0] has it too; rename one" },
    ]);
  });

  it('rejects a name without parts and a malformed date', () => {
    const text = JSON.stringify([
      { id: 'a', type: 'book', author: [{ given: '' }], issued: { 'date-parts': 'x' } },
    ]);
    expect(thrownBy(() => parseCslJson(text)).issues.map((issue) => issue.path)).toEqual([
      '[0].author[0]',
      '[0].issued',
    ]);
  });

  it('reports JSON syntax errors with their line', () => {
    const error = thrownBy(() => parseCslJson('[\n{"id": "a",\n "type": }\n]'));
    expect(error.issues[0]).toEqual({
      path: '',
      line: 3,
      message: 'not valid JSON: a value is expected at column 10',
    });
  });

  it('rejects data that is not a list of items', () => {
    expect(thrownBy(() => parseCslJson('{"id": "a"}')).issues[0]?.message).toBe(
      'expected a list of CSL items',
    );
  });
});

describe('checkCslItems', () => {
  const book = { id: 'a-book', type: 'book', title: 'A Test Book' };
  // Items on both sides of every rule the shortcut past the schema knows.
  const variants: unknown[] = [
    book,
    { ...book, id: '' },
    { ...book, id: 7 },
    { ...book, id: undefined },
    { ...book, type: 'boook' },
    { ...book, author: [{ family: 'Example', given: 'Ada' }, { literal: 'United Nations' }] },
    { ...book, author: [{ given: 'Ada' }], editor: undefined },
    { ...book, author: [{ family: '' }] },
    { ...book, author: [{ family: 'Example', given: 3 }] },
    { ...book, author: { family: 'Example' } },
    { ...book, author: ['Example'] },
    { ...book, author: [null] },
    { ...book, issued: { 'date-parts': [[2017, 12, 22]] } },
    { ...book, issued: { 'date-parts': [['2017', '-3']] } },
    { ...book, issued: { 'date-parts': [[2017], [2018, 2]] } },
    { ...book, issued: { 'date-parts': [[2017.5]] } },
    { ...book, issued: { 'date-parts': [['2017a']] } },
    { ...book, issued: { 'date-parts': [] } },
    { ...book, issued: { 'date-parts': [[]] } },
    { ...book, issued: { 'date-parts': [[1, 2, 3, 4]] } },
    { ...book, issued: { 'date-parts': [[1], [2], [3]] } },
    { ...book, issued: { 'date-parts': null } },
    { ...book, issued: { raw: '2017-12-22' }, accessed: { literal: 'spring' } },
    { ...book, issued: { raw: 2017 } },
    { ...book, issued: '2017-12-22' },
    { ...book, issued: 2017 },
    { ...book, issued: [2017] },
    null,
    [book],
  ];

  it('accepts and rejects exactly what the schema does, with its messages', () => {
    for (const variant of [...variants, ...benchItems]) {
      const viaSchema = (() => {
        try {
          return { items: checkCslItemsWithSchema([variant]) };
        } catch (error) {
          return { issues: (error as CslDataError).issues };
        }
      })();
      const checked = (() => {
        try {
          return { items: checkCslItems([variant]) };
        } catch (error) {
          return { issues: (error as CslDataError).issues };
        }
      })();
      expect(checked, JSON.stringify(variant)).toEqual(viaSchema);
    }
  });
});
