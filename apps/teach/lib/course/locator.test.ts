import { describe, expect, it } from 'vitest';
import { locatorHref, paragraphFromLocator } from './locator';

describe('paragraphFromLocator', () => {
  it('reads the paragraph forms authors type', () => {
    expect(paragraphFromLocator('para. 3')).toBe(3);
    expect(paragraphFromLocator('paras. 4–5')).toBe(4);
    expect(paragraphFromLocator('paragraph 6')).toBe(6);
    expect(paragraphFromLocator('¶2')).toBe(2);
    expect(paragraphFromLocator('Para. 12')).toBe(12);
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
  });

  it('does not link other works or courses without a reading', () => {
    expect(locatorHref('un-s-res-2397', 'para. 8', 'rinna-two-peripheries')).toBeUndefined();
    expect(locatorHref('rinna-two-peripheries', 'para. 3', undefined)).toBeUndefined();
  });
});
