import {
  type BibliographyEntry,
  type CitationCluster,
  type CslItem,
  createCiteProcessor,
  findClosestKeys,
  parseCitations,
  parseLocator,
} from '@coursekit/citations';
import { type CompileCache, contentHash } from './compile-cache.js';

/** A citation found in prose: where it is, the keys it names, and the parsed cluster to render. */
export interface FoundCitation {
  /** Offset of the first character of the citation in the searched text. */
  start: number;
  /** Offset after its last character. */
  end: number;
  /** Cited keys, in order, without `@`. */
  keys: string[];
  /** The parsed citation (works, locators, prefixes; narrative or not), passed back to `render`. */
  cluster: CitationCluster;
}

/** One reference as a bibliography lists it. */
export type ReferenceEntry = BibliographyEntry;

export interface RenderedCitation {
  html: string;
  text: string;
}

/** The course's references and citation style, as the lesson plugins use them. */
export interface CitationRenderer {
  /** Changes whenever the references or the style change (part of the lesson cache key). */
  readonly fingerprint: string;
  /** Every citation (pandoc syntax) in a text. */
  find(text: string): FoundCitation[];
  has(key: string): boolean;
  keys(): readonly string[];
  /** Start a new lesson: styles that shorten repeated citations start over. */
  startDocument(): void;
  /** The in-text citation for a found cluster; throws a `CitationsError` (with `rule`) if it cannot. */
  render(cluster: CitationCluster): RenderedCitation;
  /** The in-text citation of one key at a locator (`para. 3`), as `:::source{cite locator}` uses it. */
  renderSource(key: string, locator: string | undefined): RenderedCitation;
  /** Full references for known keys, in the style's bibliography order. */
  references(keys: readonly string[]): ReferenceEntry[];
  /** The closest known key to an unknown one, if any is close. */
  suggest(key: string): string[];
}

export interface CitationRendererOptions {
  /** The references (from `parseBibTeX`, `parseCslJson` or `parseCslYaml`). */
  items: readonly CslItem[];
  /** A built-in style name (default `chicago-author-date`) or the XML of a `.csl` style. */
  style?: string | undefined;
  /** The XML of a CSL locale, when not `en-US`. */
  locale?: string | undefined;
  /**
   * The compile cache the lessons are built with: rendered citations and bibliographies are kept in it, so
   * that a rebuild that meets the same references, style and citations runs citeproc-js not at all.
   */
  cache?: Pick<CompileCache, 'citations'> | undefined;
}

/** A `CitationRenderer` on `@coursekit/citations` (citeproc-js): pandoc syntax in, CSL-styled citations out. */
export function createCitationRenderer(options: CitationRendererOptions): CitationRenderer {
  const processor = createCiteProcessor({
    items: options.items,
    ...(options.style ? { style: options.style } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    cache: options.cache?.citations,
  });
  // Styles without position conditions (ibid., subsequent forms; none of the built-in ones has them) print a
  // citation the same way wherever it is, so each distinct citation is rendered once.
  const positionIndependent =
    !options.style?.trimStart().startsWith('<') || !/\bposition=/.test(options.style);
  const rendered = new Map<string, RenderedCitation>();
  const cite = (cluster: CitationCluster): RenderedCitation => {
    if (!positionIndependent) return processor.cite(cluster);
    const key = JSON.stringify(cluster);
    let result = rendered.get(key);
    if (!result) {
      result = processor.cite(cluster);
      rendered.set(key, result);
    }
    return result;
  };
  const keys = options.items.map((item) => item.id);
  const known = new Set(keys);
  let bibliography: Map<string, ReferenceEntry> | undefined;
  // The whole bibliography once; a lesson's references are picked from it in its order.
  const entries = () => {
    bibliography ??= new Map(processor.bibliography().map((entry) => [entry.key, entry]));
    return bibliography;
  };

  return {
    fingerprint: contentHash(options.items, options.style ?? 'chicago-author-date', options.locale ?? null),
    find: (text) =>
      parseCitations(text).map((found) => ({
        start: found.start,
        end: found.end,
        keys: found.items.map((item) => item.key),
        cluster: { items: found.items, narrative: found.narrative },
      })),
    has: (key) => known.has(key),
    keys: () => keys,
    startDocument: () => processor.reset(),
    render: cite,
    renderSource(key, locator) {
      const parsed = locator ? parseLocator(locator) : undefined;
      const item = parsed
        ? {
            key,
            locator: parsed.locator,
            label: parsed.label,
            ...(parsed.suffix ? { suffix: parsed.suffix } : {}),
          }
        : { key, ...(locator ? { suffix: locator } : {}) };
      return cite({ items: [item] });
    },
    references(wanted) {
      const selected = new Set(wanted);
      return [...entries().values()].filter((entry) => selected.has(entry.key));
    },
    suggest: (key) => findClosestKeys(key, keys, { limit: 1 }),
  };
}
