import { readFileSync } from 'node:fs';
import cslLocales from '@citation-js/plugin-csl/lib/locales.json';
import { describe, expect, it, vi } from 'vitest';
import { createCiteProcessor } from './cite-processor.js';
import {
  CitationsError,
  CslDataError,
  CslLocaleError,
  CslStyleError,
  EmptyCitationError,
  UnknownCitationKeyError,
} from './errors.js';
import { parseBibTeX } from './parse-bibtex.js';
import { parseCitations } from './parse-citations.js';
import { builtInStyles } from './styles.js';
import type { CslItem } from './types.js';

const fixtures = new URL('../test/fixtures/', import.meta.url);
const items = parseBibTeX(readFileSync(new URL('references.bib', fixtures), 'utf8'));
const noteStyle = readFileSync(new URL('test-note-style.csl', fixtures), 'utf8');

function thrownBy<T extends Error>(type: new (...args: never[]) => T, run: () => unknown): T {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}

describe('createCiteProcessor', () => {
  it('uses Chicago author-date unless told otherwise', () => {
    const processor = createCiteProcessor({ items });
    expect(processor.style.title).toBe('Chicago Manual of Style 17th edition (author-date)');
    expect(processor.cite([{ key: 'rinna-two-peripheries', locator: '3', label: 'paragraph' }])).toEqual({
      html: '(Rinna, n.d., para. 3)',
      text: '(Rinna, n.d., para. 3)',
    });
  });

  it('renders what parseCitations finds, narrative citations with the author in the sentence', () => {
    const processor = createCiteProcessor({ items });
    const rendered = parseCitations(
      '@rinna-two-peripheries [para. 2] and [see @tester-test-book, chap. 2]',
    ).map((found) => processor.cite(found).text);
    expect(rendered).toEqual(['Rinna (n.d., para. 2)', '(see Tester 2019, chap. 2)']);
  });

  it('prints only the author for a narrative citation when the style has nothing else to say (MLA)', () => {
    const processor = createCiteProcessor({ items, style: 'modern-language-association' });
    expect(processor.cite({ items: [{ key: 'rinna-two-peripheries' }], narrative: true }).text).toBe('Rinna');
  });

  it('names an unknown key and the closest known keys', () => {
    const processor = createCiteProcessor({ items });
    const error = thrownBy(UnknownCitationKeyError, () => processor.cite([{ key: 'rina2019' }]));
    expect(error.key).toBe('rina2019');
    expect(error.suggestions).toEqual(['rinna-two-peripheries']);
    expect(error.message).toBe(
      "unknown citation key 'rina2019'; add it to the references or fix the key (did you mean 'rinna-two-peripheries'?)",
    );
    expect(
      thrownBy(UnknownCitationKeyError, () => processor.bibliography(['tester-test-bok'])).suggestions,
    ).toEqual(['tester-test-book']);
  });

  it('leaves the document as it was after a citation with an unknown key', () => {
    const processor = createCiteProcessor({ items, style: noteStyle });
    processor.cite([{ key: 'tester-test-book' }]);
    expect(() => processor.cite([{ key: 'nope' }])).toThrow(UnknownCitationKeyError);
    expect(processor.cite([{ key: 'tester-test-book' }]).text).toBe('Ibid.');
  });

  it('follows the style for repeated citations: ibid., ibid. with a locator, short forms', () => {
    const processor = createCiteProcessor({ items, style: noteStyle });
    const cite = (key: string, locator?: string) =>
      processor.cite([{ key, ...(locator ? { locator } : {}) }]).text;
    expect(processor.style.class).toBe('note');
    expect(cite('tester-test-book')).toBe('Bob Tester, A Test Book.');
    expect(cite('tester-test-book')).toBe('Ibid.');
    expect(cite('tester-test-book', '5')).toBe('Ibid., p. 5.');
    expect(cite('sample-test-chapter')).toBe('Cara Sample, A Test Chapter.');
    expect(cite('tester-test-book', '7')).toBe('Bob Tester, A Test Book, p. 7.');
    processor.reset();
    expect(cite('sample-test-chapter')).toBe('Cara Sample, A Test Chapter.');
  });

  it('gives the bibliography in the style order, or only the entries asked for', () => {
    const processor = createCiteProcessor({ items });
    expect(processor.bibliography().map((entry) => entry.key)).toEqual([
      'example-test-web-page',
      'example-test-article',
      'rinna-two-peripheries',
      'sample-test-chapter',
      'tester-test-book',
    ]);
    expect(processor.bibliography(['tester-test-book', 'example-test-article'])).toEqual([
      {
        key: 'example-test-article',
        html: '<div class="csl-entry">Example, Ada, and Bob Tester. 2021. “A Test Article.” <i>Journal of Test Data</i> 12 (3): 45–67. https://doi.org/10.5555/test.2021.3.</div>',
        text: 'Example, Ada, and Bob Tester. 2021. “A Test Article.” Journal of Test Data 12 (3): 45–67. https://doi.org/10.5555/test.2021.3.',
      },
      {
        key: 'tester-test-book',
        html: '<div class="csl-entry">Tester, Bob. 2019. <i>A Test Book</i>. Testville: Example Press.</div>',
        text: 'Tester, Bob. 2019. A Test Book. Testville: Example Press.',
      },
    ]);
  });

  it('does not change the items it was given', () => {
    const given: CslItem[] = structuredClone(items);
    const processor = createCiteProcessor({ items: given });
    processor.cite([{ key: 'example-test-article', locator: '50' }]);
    processor.bibliography();
    expect(given).toEqual(items);
  });

  it('checks the items it is given', () => {
    const twice = [...items, { id: 'tester-test-book', type: 'book' } as CslItem];
    expect(thrownBy(CslDataError, () => createCiteProcessor({ items: twice })).issues[0]?.message).toMatch(
      /duplicate id 'tester-test-book'/,
    );
  });

  it('rejects an empty citation and an unknown locator label', () => {
    const processor = createCiteProcessor({ items });
    expect(() => processor.cite([])).toThrow(/a citation needs at least one key/);
    const error = thrownBy(CitationsError, () =>
      processor.cite([{ key: 'tester-test-book', locator: '3', label: 'bogus' as 'page' }]),
    );
    expect(error.rule).toBe('citation/locator-label');
    expect(processor.cite([{ key: 'tester-test-book', locator: '3', label: 'para.' as 'page' }]).text).toBe(
      '(Tester 2019, para. 3)',
    );
  });
});

describe('missing fields', () => {
  const bare: CslItem[] = [
    {
      id: 'no-date',
      type: 'book',
      title: 'A Test Book Without a Date',
      author: [{ family: 'Example', given: 'Ada' }],
    },
    {
      id: 'no-author',
      type: 'book',
      title: 'A Test Book Without an Author',
      issued: { 'date-parts': [[2020]] },
    },
    { id: 'nothing', type: 'book' },
  ];

  it('render the way each style says, never as undefined', () => {
    const outputs = builtInStyles.flatMap((style) => {
      const processor = createCiteProcessor({ items: bare, style });
      const cited = ['no-date', 'no-author'].map((key) => processor.cite([{ key }]));
      return [...cited, ...processor.bibliography()].flatMap((rendered) => [rendered.html, rendered.text]);
    });
    for (const output of outputs) expect(output).not.toMatch(/undefined|null|NaN|\[CSL/);
    const chicago = createCiteProcessor({ items: bare });
    expect(chicago.cite([{ key: 'no-date' }]).text).toBe('(Example, n.d.)');
    expect(chicago.cite([{ key: 'no-author' }])).toEqual({
      html: '(<i>A Test Book Without an Author</i> 2020)',
      text: '(A Test Book Without an Author 2020)',
    });
  });

  it('make a citation that prints nothing an error that names the reference', () => {
    const mla = createCiteProcessor({ items: [...items, ...bare], style: 'modern-language-association' });
    const suppressed = thrownBy(EmptyCitationError, () =>
      mla.cite([{ key: 'rinna-two-peripheries', suppressAuthor: true }]),
    );
    expect(suppressed.keys).toEqual(['rinna-two-peripheries']);
    expect(suppressed.message).toMatch(
      /^'rinna-two-peripheries' prints nothing in Modern Language Association/,
    );
    const inCluster = thrownBy(EmptyCitationError, () =>
      mla.cite([
        { key: 'tester-test-book', locator: '4' },
        { key: 'rinna-two-peripheries', suppressAuthor: true },
      ]),
    );
    expect(inCluster.keys).toEqual(['rinna-two-peripheries']);
    expect(
      mla.cite([{ key: 'rinna-two-peripheries', suppressAuthor: true, locator: '3', label: 'paragraph' }])
        .text,
    ).toBe('(para.3)');
  });
});

describe('HTML output', () => {
  const hostile: CslItem[] = [
    {
      id: 'hostile',
      type: 'webpage',
      author: [{ family: '<img src=x onerror=alert(1)>', given: '<script>alert(2)</script>' }],
      title: '<a href="javascript:alert(3)">Click</a> & <iframe src="x"></iframe> "quoted"',
      'container-title': '</div><script>alert(4)</script>',
      URL: 'javascript:alert(5)',
      issued: { 'date-parts': [[2020]] },
    },
  ];
  const markupFromData = /<(?:script|img|a|iframe)[\s>]|<\/div><script/i;

  it('escapes markup from reference fields in every built-in style', () => {
    for (const style of builtInStyles) {
      const processor = createCiteProcessor({ items: hostile, style });
      const cited = processor.cite([{ key: 'hostile', prefix: '<script>x</script>', suffix: '<img src=y>' }]);
      const [entry] = processor.bibliography();
      for (const html of [cited.html, entry?.html ?? '']) {
        expect(html).not.toMatch(markupFromData);
        expect(html).toContain('&#60;script&#62;');
      }
      expect(entry?.text).toContain('<script>alert(2)</script>');
    }
  });

  it('escapes markup written into a style', () => {
    const style = noteStyle.replace(
      '<text variable="title"/>\n            <text macro="locator"/>',
      '<text value="&lt;script&gt;alert(1)&lt;/script&gt;"/><text variable="title"/>',
    );
    const processor = createCiteProcessor({ items, style });
    const { html } = processor.cite([{ key: 'tester-test-book' }]);
    expect(html).toContain('&#60;script&#62;');
    expect(html).not.toMatch(markupFromData);
  });

  it('keeps the rich text CSL allows in fields (italics in titles) as formatting', () => {
    const withItalics: CslItem[] = [
      { id: 'i', type: 'book', title: 'On <i>Test Data</i>', issued: { 'date-parts': [[2020]] } },
    ];
    const [entry] = createCiteProcessor({ items: withItalics, style: 'apa' }).bibliography();
    expect(entry?.html).toBe(
      '<div class="csl-entry"><i>On <span style="font-style:normal;">Test Data</span></i>. (2020).</div>',
    );
    expect(entry?.text).toBe('On Test Data. (2020).');
  });
});

describe('styles and locales', () => {
  it('rejects a style that is not valid CSL when the processor is created', () => {
    const unknownElement = readFileSync(new URL('test-note-style.csl', fixtures), 'utf8').replace(
      '<text variable="title" form="short"/>',
      '<bogus-element/>',
    );
    const error = thrownBy(CslStyleError, () => createCiteProcessor({ items, style: unknownElement }));
    expect(error.message).toMatch(/citeproc-js cannot use it: .*bogus-element/);
    expect(() => createCiteProcessor({ items, style: 'Chicago' })).toThrow(
      /did you mean 'chicago-author-date'/,
    );
  });

  it('collects what citeproc-js warns about a style instead of printing it', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const style = noteStyle.replace(
      '<text variable="title"/>',
      '<text variable="title" bogus-attribute="1"/>',
    );
    const processor = createCiteProcessor({ items, style });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
    expect(processor.warnings.join('\n')).toMatch(/bogus-attribute/);
  });

  it('rejects a bibliography from a style without one', () => {
    const style = noteStyle.replace(/<bibliography>[\s\S]*<\/bibliography>/, '');
    expect(() => createCiteProcessor({ items, style }).bibliography()).toThrow(/defines no <bibliography>/);
  });

  it('takes another locale as CSL locale XML', () => {
    const german = createCiteProcessor({ items, locale: cslLocales['de-DE'] });
    expect(german.cite([{ key: 'rinna-two-peripheries', locator: '3', label: 'paragraph' }]).text).toBe(
      // The German locale puts a no-break space inside "o. J." (ohne Jahr).
      '(Rinna, o.\u00a0J., Abs. 3)',
    );
  });

  it('names what to do for a locale that is not built in or not a CSL locale', () => {
    expect(thrownBy(CslLocaleError, () => createCiteProcessor({ items, locale: 'de-DE' })).message).toBe(
      "invalid CSL locale: only en-US is built in; for 'de-DE' pass the XML text of the CSL locale file (locales-de-DE.xml)",
    );
    expect(() => createCiteProcessor({ items, locale: '<locale><terms>' })).toThrow(/not well-formed/);
    expect(() => createCiteProcessor({ items, locale: '<locale/>' })).toThrow(/xmlns/);
  });
});
