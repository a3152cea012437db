import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type CSL from 'citeproc';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { benchItems, selectedKeys, variedCitations } from '../bench/bench-data.mjs';
import { createCitationCache } from './citation-cache.js';
import { createCiteProcessor } from './cite-processor.js';
import { UnknownCitationKeyError } from './errors.js';
import type { CitationCluster, CslItem } from './types.js';

// The same citeproc-js module the package loads, to count how often it is asked to work.
const engine = createRequire(import.meta.url)('citeproc') as typeof CSL;
const noteStyle = readFileSync(new URL('../test/fixtures/test-note-style.csl', import.meta.url), 'utf8');

function countCiteprocCalls() {
  const prototype = engine.Engine.prototype;
  const spies = [
    vi.spyOn(prototype, 'updateUncitedItems'),
    vi.spyOn(prototype, 'processCitationCluster'),
    vi.spyOn(prototype, 'previewCitationCluster'),
    vi.spyOn(prototype, 'makeBibliography'),
  ];
  return () => spies.reduce((total, spy) => total + spy.mock.calls.length, 0);
}

function renderDocument(
  style: string,
  citations: readonly CitationCluster[],
  cache?: ReturnType<typeof createCitationCache>,
  items: CslItem[] = benchItems,
) {
  const processor = createCiteProcessor({ items, style, cache });
  return {
    citations: citations.map((cluster) => processor.cite(cluster)),
    bibliography: processor.bibliography(),
    selected: processor.bibliography(selectedKeys),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a citation cache', { timeout: 120_000 }, () => {
  it('gives a second processor every citation and bibliography without running citeproc-js', () => {
    const cache = createCitationCache();
    const coldCalls = countCiteprocCalls();
    const cold = renderDocument('chicago-author-date', variedCitations, cache);
    expect(coldCalls()).toBeGreaterThan(variedCitations.length);
    vi.restoreAllMocks();
    const calls = countCiteprocCalls();
    const warm = renderDocument('chicago-author-date', variedCitations, cache);
    expect(calls()).toBe(0);
    expect(warm).toEqual(cold);
    expect(warm).toEqual(renderDocument('chicago-author-date', variedCitations));
  });

  it('renders what follows cached citations as if it had rendered them (ibid., short forms)', () => {
    const cache = createCitationCache();
    renderDocument(noteStyle, variedCitations.slice(0, 150), cache);
    const resumed = renderDocument(noteStyle, variedCitations, cache);
    expect(resumed).toEqual(renderDocument(noteStyle, variedCitations));
    expect(resumed.citations.some((citation) => citation.text.startsWith('Ibid'))).toBe(true);
  });

  it('resumes after cached narrative citations that print the author alone (MLA)', () => {
    const style = 'modern-language-association';
    const items = [
      ...benchItems,
      { id: 'solo', type: 'book' as const, title: 'A Solo Work', author: [{ family: 'Solo' }] },
    ];
    const solo: CitationCluster = { items: [{ key: 'solo' }], narrative: true };
    const citations = [solo, ...variedCitations.slice(0, 30), solo, ...variedCitations.slice(30, 60)];
    const cache = createCitationCache();
    renderDocument(style, citations.slice(0, 20), cache, items);
    const resumed = renderDocument(style, citations, cache, items);
    expect(resumed.citations[0]?.text).toBe('Solo');
    expect(resumed).toEqual(renderDocument(style, citations, undefined, items));
  });

  it('keeps entries in a folder that the next process reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citation-cache-'));
    try {
      const cold = renderDocument('apa', variedCitations.slice(0, 40), createCitationCache({ dir }));
      // A process stopped while writing leaves a line unfinished: the entries around it still count.
      appendFileSync(join(dir, 'citations.ndjson'), '\n["cut-short", {"ht');
      const nextProcess = createCitationCache({ dir });
      const calls = countCiteprocCalls();
      expect(renderDocument('apa', variedCitations.slice(0, 40), nextProcess)).toEqual(cold);
      expect(calls()).toBe(0);
      expect(nextProcess.stats.misses).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders again when a reference, the style or an earlier citation changes', () => {
    const cache = createCitationCache();
    const citations = variedCitations.slice(0, 20);
    renderDocument('chicago-author-date', citations, cache);
    const retitled = benchItems.map((item, index) =>
      index === 0 ? { ...item, title: 'A New Title' } : item,
    );
    const changed = renderDocument('chicago-author-date', citations, cache, retitled);
    expect(changed.bibliography.find((entry) => entry.key === 'test-ref-0')?.text).toMatch(/A New Title/);
    expect(renderDocument('apa', citations, cache)).toEqual(renderDocument('apa', citations));
    const reordered = [citations[1], citations[0], ...citations.slice(2)] as CitationCluster[];
    expect(renderDocument(noteStyle, reordered, cache)).toEqual(renderDocument(noteStyle, reordered));
  });

  it('still rejects an unknown key', () => {
    const cache = createCitationCache();
    const processor = createCiteProcessor({ items: benchItems, cache });
    expect(() => processor.cite([{ key: 'test-ref-999' }])).toThrow(UnknownCitationKeyError);
    expect(() => createCiteProcessor({ items: benchItems, cache }).cite([{ key: 'test-ref-999' }])).toThrow(
      UnknownCitationKeyError,
    );
  });

  it('keeps what citeproc-js said about the style', () => {
    const style = noteStyle.replace(
      '<text variable="title"/>',
      '<text variable="title" bogus-attribute="1"/>',
    );
    const cache = createCitationCache();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const first = createCiteProcessor({ items: benchItems, style, cache });
    const second = createCiteProcessor({ items: benchItems, style, cache });
    expect(first.warnings.join('\n')).toMatch(/bogus-attribute/);
    expect(second.warnings).toEqual(first.warnings);
  });
});
