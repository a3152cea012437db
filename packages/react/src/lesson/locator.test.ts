import { describe, expect, it } from 'vitest';
import { citationHref, locatorHref, paragraphFromLocator } from './locator.js';

describe('paragraphFromLocator', () => {
  it('reads the paragraph forms authors type', () => {
    expect(paragraphFromLocator('para. 3')).toBe(3);
    expect(paragraphFromLocator('paras. 4–5')).toBe(4);
    expect(paragraphFromLocator('paragraph 6')).toBe(6);
    expect(paragraphFromLocator('¶2')).toBe(2);
    expect(paragraphFromLocator('Para. 12')).toBe(12);
  });

  it('reads a bare number when the citation labels it a paragraph', () => {
    expect(paragraphFromLocator('3', 'paragraph')).toBe(3);
    expect(paragraphFromLocator('4-5', 'paragraph')).toBe(4);
    expect(paragraphFromLocator('3', 'page')).toBeUndefined();
    expect(paragraphFromLocator('3')).toBeUndefined();
  });

  it('ignores locators that are not paragraphs', () => {
    expect(paragraphFromLocator('p. 3')).toBeUndefined();
    expect(paragraphFromLocator('para. 0')).toBeUndefined();
    expect(paragraphFromLocator('para. three')).toBeUndefined();
    expect(paragraphFromLocator(undefined)).toBeUndefined();
  });
});

describe('locatorHref', () => {
  it('links a paragraph of the course reading to its anchor', () => {
    expect(locatorHref('rinna-two-peripheries', 'para. 3', 'rinna-two-peripheries')).toBe('/reading#para-3');
    expect(locatorHref('rinna-two-peripheries', '6', 'rinna-two-peripheries', 'paragraph')).toBe(
      '/reading#para-6',
    );
  });

  it('does not link other works or courses without a reading', () => {
    expect(locatorHref('un-s-res-2397', 'para. 8', 'rinna-two-peripheries')).toBeUndefined();
    expect(locatorHref('rinna-two-peripheries', 'para. 3', undefined)).toBeUndefined();
  });
});

describe('citationHref', () => {
  const reading = 'rinna-two-peripheries';

  it('links a paragraph citation of the reading to that paragraph', () => {
    const cluster = { items: [{ key: reading, locator: '4', label: 'paragraph' }], narrative: false };
    expect(citationHref([reading], cluster, reading)).toBe('/reading#para-4');
  });

  it('uses the first item with a paragraph when a citation names several works', () => {
    const cluster = { items: [{ key: 'unsc-res-2397' }, { key: reading, locator: '2', label: 'paragraph' }] };
    expect(citationHref(['unsc-res-2397', reading], cluster, reading)).toBe('/reading#para-2');
  });

  it('falls back to the reading, then to the bibliography entry', () => {
    expect(citationHref([reading], { items: [{ key: reading }] }, reading)).toBe('/reading');
    expect(citationHref(['unsc-res-2397'], { items: [{ key: 'unsc-res-2397' }] }, reading)).toBe(
      '/bibliography#ref-unsc-res-2397',
    );
    expect(citationHref(['unsc-res-2397'], 'not a cluster', reading)).toBe('/bibliography#ref-unsc-res-2397');
  });
});
