import { readFileSync } from 'node:fs';
import { builtInStyles, createCiteProcessor, parseBibTeX } from '@coursekit/citations';
import { describe, expect, it } from 'vitest';

// The course's UN documents must read as UN documents in every built-in style: their symbol printed, and
// nothing of the US-statute form citeproc-js gives `legislation` items in APA ("Pub. L. No. …").
const bib = readFileSync(new URL('../../content/two-peripheries/references.bib', import.meta.url), 'utf8');
const items = parseBibTeX(bib);

const unDocuments: Record<string, string> = {
  'unsc-res-2397': 'S/RES/2397 (2017)',
  'unga-res-es-11-1': 'A/RES/ES-11/1',
  'un-press-sc-14911': 'SC/14911',
};

const statuteWording = /Pub\.\s*L\.|Public Law|\bStat\.|U\.S\.C\.|\bStatutes?\b/i;

describe.each(builtInStyles.map((style) => [style]))('the course bibliography in %s', (style) => {
  const processor = createCiteProcessor({ items, style });
  const entries = new Map(processor.bibliography().map((entry) => [entry.key, entry.text]));

  it.each(Object.entries(unDocuments))(
    'prints %s with its symbol %s and no statute wording',
    (key, symbol) => {
      const text = entries.get(key);
      expect(text, `no bibliography entry for ${key}`).toBeDefined();
      expect(text).toContain(symbol);
      expect(text).not.toMatch(statuteWording);
      expect(text).toContain('United Nations');
    },
  );

  it('cites the article by author with its paragraph locator, undated', () => {
    const citation = processor.cite([{ key: 'rinna-two-peripheries', locator: '3', label: 'paragraph' }]);
    expect(citation.text).toContain('Rinna');
    expect(citation.text).toMatch(/para/);
  });
});
