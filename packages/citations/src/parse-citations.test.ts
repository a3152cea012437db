import { describe, expect, it } from 'vitest';
import { parseCitations } from './parse-citations.js';

describe('parseCitations', () => {
  it('finds a bracketed citation with a paragraph locator, with its offsets', () => {
    const text = 'Moscow spoke of equidistance [@rinna-two-peripheries, para. 3].';
    const [found, ...rest] = parseCitations(text);
    expect(rest).toEqual([]);
    expect(found).toEqual({
      start: 29,
      end: 62,
      raw: '[@rinna-two-peripheries, para. 3]',
      narrative: false,
      items: [{ key: 'rinna-two-peripheries', locator: '3', label: 'paragraph' }],
    });
    expect(text.slice(found?.start, found?.end)).toBe(found?.raw);
  });

  it('reads prefixes, locators, suffixes and several works in one cluster', () => {
    const [found] = parseCitations('[see @a, p. 4; @b; also @c, chap. 2, and elsewhere]');
    expect(found?.items).toEqual([
      { key: 'a', prefix: 'see', locator: '4', label: 'page' },
      { key: 'b' },
      { key: 'c', prefix: 'also', locator: '2', label: 'chapter', suffix: ', and elsewhere' },
    ]);
  });

  it('reads a suffix that is not a locator as a suffix', () => {
    expect(parseCitations('[@a and passim]')[0]?.items).toEqual([{ key: 'a', suffix: ' and passim' }]);
    expect(parseCitations('[@a, 33]')[0]?.items).toEqual([{ key: 'a', locator: '33', label: 'page' }]);
  });

  it('marks narrative citations and suppressed authors', () => {
    const found = parseCitations('@rinna-two-peripheries argues this [-@rinna-two-peripheries, para. 6].');
    expect(found.map(({ narrative, items }) => ({ narrative, items }))).toEqual([
      { narrative: true, items: [{ key: 'rinna-two-peripheries' }] },
      {
        narrative: false,
        items: [{ key: 'rinna-two-peripheries', suppressAuthor: true, locator: '6', label: 'paragraph' }],
      },
    ]);
  });

  it('takes a bracketed locator right after a narrative citation', () => {
    const [found] = parseCitations('As @rinna-two-peripheries [para. 2] notes');
    expect(found).toMatchObject({
      raw: '@rinna-two-peripheries [para. 2]',
      narrative: true,
      items: [{ key: 'rinna-two-peripheries', locator: '2', label: 'paragraph' }],
    });
  });

  it('accepts keys with colons, dots, hyphens and underscores, and ends them before punctuation', () => {
    const keys = parseCitations('[@un:s_res.2397-b] and @doe.2020_x: then @end.').flatMap((c) =>
      c.items.map((item) => item.key),
    );
    expect(keys).toEqual(['un:s_res.2397-b', 'doe.2020_x', 'end']);
  });

  it('accepts pandoc braced keys', () => {
    expect(parseCitations('[@{odd key!}, p. 2]')[0]?.items[0]).toEqual({
      key: 'odd key!',
      locator: '2',
      label: 'page',
    });
  });

  it('does not take e-mail addresses or escaped @ for citations', () => {
    expect(parseCitations('Write to teacher@example.org or \\@handle, [mail me@example.org].')).toEqual([]);
    expect(parseCitations('[see \\@a]')).toEqual([]);
  });

  it('does not take Markdown links or brackets without keys for citations', () => {
    expect(parseCitations('[a link](https://example.org) and [a note]')).toEqual([]);
    // In a link's text, a key is still a narrative citation, as in pandoc.
    expect(parseCitations('[see @a](https://example.org)').map((c) => c.narrative)).toEqual([true]);
  });

  it('does not take a bracket for a cluster when one of its parts has no key', () => {
    const found = parseCitations('[@a; not a citation]');
    expect(found.map((c) => c.raw)).toEqual(['@a']);
  });

  it('keeps offsets right after astral characters and across lines', () => {
    const text = '📚 line one\n[@a]\n@b';
    for (const found of parseCitations(text)) expect(text.slice(found.start, found.end)).toBe(found.raw);
    expect(parseCitations(text).map((c) => c.raw)).toEqual(['[@a]', '@b']);
  });

  it('finds nothing in text without citations', () => {
    expect(parseCitations('')).toEqual([]);
    expect(parseCitations('Plain prose, [brackets] and @ signs alone.')).toEqual([]);
  });
});
