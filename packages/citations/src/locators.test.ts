import { describe, expect, it } from 'vitest';
import { locatorLabelOf, parseLocator } from './locators.js';

describe('parseLocator', () => {
  it('reads the paragraph locators the course uses', () => {
    expect(parseLocator('para. 3')).toEqual({ label: 'paragraph', locator: '3' });
    expect(parseLocator('paras. 3-4')).toEqual({ label: 'paragraph', locator: '3-4' });
    expect(parseLocator('¶ 5')).toEqual({ label: 'paragraph', locator: '5' });
    expect(parseLocator('¶¶ 5–6')).toEqual({ label: 'paragraph', locator: '5–6' });
  });

  it('reads pages, chapters and sections in long, short and symbol forms', () => {
    expect(parseLocator('p. 4')).toEqual({ label: 'page', locator: '4' });
    expect(parseLocator('pp. 33, 35-37')).toEqual({ label: 'page', locator: '33, 35-37' });
    expect(parseLocator('pages 10–12')).toEqual({ label: 'page', locator: '10–12' });
    expect(parseLocator('chap. 2')).toEqual({ label: 'chapter', locator: '2' });
    expect(parseLocator('Chapter 2')).toEqual({ label: 'chapter', locator: '2' });
    expect(parseLocator('sec. 4.1')).toEqual({ label: 'section', locator: '4.1' });
    expect(parseLocator('p. 4. Then')).toEqual({ label: 'page', locator: '4', suffix: '. Then' });
    expect(parseLocator('§ 12')).toEqual({ label: 'section', locator: '12' });
    expect(parseLocator('p. iv')).toEqual({ label: 'page', locator: 'iv' });
  });

  it('keeps the text after the locator as the suffix', () => {
    expect(parseLocator('p. 4, emphasis added')).toEqual({
      label: 'page',
      locator: '4',
      suffix: ', emphasis added',
    });
    expect(parseLocator('p. 4 and passim')).toEqual({ label: 'page', locator: '4', suffix: ' and passim' });
    expect(parseLocator('p. 4, did')?.locator).toBe('4');
  });

  it('reads a bare number as a page and braces as a locator of any form', () => {
    expect(parseLocator('33')).toEqual({ label: 'page', locator: '33' });
    expect(parseLocator('{iv, vi-xi}')).toEqual({ label: 'page', locator: 'iv, vi-xi' });
    expect(parseLocator('chap. {Introduction}')).toEqual({ label: 'chapter', locator: 'Introduction' });
  });

  it('returns undefined for text that is not a locator', () => {
    expect(parseLocator('see also')).toBeUndefined();
    expect(parseLocator('para.')).toBeUndefined();
    expect(parseLocator('')).toBeUndefined();
    expect(parseLocator('pager 3')).toBeUndefined();
  });
});

describe('locatorLabelOf', () => {
  it('maps the terms of the en-US locale to CSL labels', () => {
    expect(locatorLabelOf('para.')).toBe('paragraph');
    expect(locatorLabelOf('pp.')).toBe('page');
    expect(locatorLabelOf('PARAGRAPHS')).toBe('paragraph');
    expect(locatorLabelOf('s.v.')).toBe('sub-verbo');
    expect(locatorLabelOf('paragraph')).toBe('paragraph');
    expect(locatorLabelOf('bogus')).toBeUndefined();
  });
});
