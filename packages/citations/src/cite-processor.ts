import { closestMatches } from '@coursekit/issues';
import type CSL from 'citeproc';
import { type CitationCache, cacheKey } from './citation-cache.js';
import { cslLocatorLabels } from './csl-vocabulary.js';
import { CitationsError, CslStyleError, EmptyCitationError, UnknownCitationKeyError } from './errors.js';
import { citeproc } from './lazy-modules.js';
import { builtInLocaleXml, resolveLocale } from './locales.js';
import { locatorLabelOf } from './locators.js';
import { checkCslItems } from './parse-csl-data.js';
import { type BuiltInStyleName, resolveStyle, type StyleInfo, styleXml } from './styles.js';
import type {
  BibliographyEntry,
  CitationCluster,
  CitationItem,
  CslItem,
  CslLocatorLabel,
  RenderedCitation,
} from './types.js';

export interface CiteProcessorOptions {
  /** The references, such as `parseBibTeX` returns them. Their ids are the citation keys. */
  items: readonly CslItem[];
  /** A built-in style name (default `chicago-author-date`) or the XML text of any `.csl` style. */
  style?: BuiltInStyleName | (string & {});
  /** Omitted or `en-US` for the built-in locale, or the XML text of a CSL locale file. */
  locale?: string;
  /**
   * Keep rendered citations and bibliographies here (see `createCitationCache`), and take them from here
   * when the same style, locale and references meet the same citations again: citeproc-js is then not run.
   */
  cache?: CitationCache | undefined;
}

/**
 * Formats citations and bibliographies in one style. Citations are numbered in the order `cite` is called,
 * as in one document, so that repeated citations take the form the style asks for (ibid., short forms).
 */
export interface CiteProcessor {
  /** The style's id, title and class (`in-text` or `note`). */
  readonly style: StyleInfo;
  /** What citeproc-js said about the style while reading it (unknown attributes and the like). */
  readonly warnings: readonly string[];
  /** Formats the next citation of the document. Throws `UnknownCitationKeyError` for an unknown key. */
  cite(cluster: CitationCluster | readonly CitationItem[]): RenderedCitation;
  /** The bibliography in the style's order: every reference, or those of `keys`. */
  bibliography(keys?: readonly string[]): BibliographyEntry[];
  /** Starts a new document: earlier citations no longer count for ibid. and first-or-subsequent forms. */
  reset(): void;
}

// citeproc-js writes these in place of a citation that prints nothing.
const noPrintedForm = /\[CSL STYLE ERROR[^\]]*\]|\[NO_PRINTED_FORM\]/;

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^citeproc-js error:\s*/, '');
}

/** Runs citeproc-js with its console warnings collected instead of printed. */
function collectingWarnings<T>(warnings: string[], run: () => T): T {
  const engineModule = citeproc();
  const original = engineModule.debug;
  engineModule.debug = (message: string) => {
    warnings.push(String(message));
  };
  try {
    return run();
  } finally {
    engineModule.debug = original;
  }
}

const labelNames = new Set<string>(cslLocatorLabels);

function locatorLabel(item: CitationItem): CslLocatorLabel | undefined {
  if (item.label === undefined) return item.locator ? 'page' : undefined;
  // A label by its CSL name needs no look-up among the locale's terms (which reads the locale).
  if (labelNames.has(item.label)) return item.label;
  const label = locatorLabelOf(item.label);
  if (!label) {
    throw new CitationsError(
      `unknown locator label '${item.label}' for '${item.key}': use one of ${cslLocatorLabels.join(', ')}`,
      'citation/locator-label',
    );
  }
  return label;
}

function toCiteprocItem(item: CitationItem): CSL.CitationItemInput {
  const label = locatorLabel(item);
  return {
    id: item.key,
    ...(item.locator ? { locator: item.locator } : {}),
    ...(item.locator && label ? { label } : {}),
    ...(item.prefix ? { prefix: item.prefix } : {}),
    ...(item.suffix ? { suffix: item.suffix } : {}),
    ...(item.suppressAuthor ? { 'suppress-author': true } : {}),
  };
}

// The markup of citeproc-js's HTML format that its text format leaves out, keeping what is inside.
const markupWithoutText = /<(?:i|em|b|sub)>|<\/(?:i|em|b|sub|span)>|<span style="[^"<>]*">/g;
const escapedCharacters: Record<string, string> = { '&#38;': '&', '&#60;': '<', '&#62;': '>' };
const escapedCharacter = /&#(?:38|60|62);/g;

/**
 * The text form of citeproc-js HTML, read back from it, so that citeproc-js runs once for both forms. Its
 * HTML and text formats differ only in escaping `&<>` and in markup, except where HTML writes superscript
 * characters as `<sup>`, two spaces as a no-break space and a space, display blocks as `<div>` and links as
 * `<a>`: for HTML with any of those the answer is `undefined`, and the text is rendered on its own.
 */
function textOfHtml(html: string): string | undefined {
  const text = html.replace(markupWithoutText, '');
  if (/[<>\u00A0]/.test(text) || text.replace(escapedCharacter, '').includes('&')) return undefined;
  return text.replace(escapedCharacter, (escaped) => escapedCharacters[escaped] ?? escaped);
}

/** The text form of one bibliography entry's HTML (`<div class="csl-entry">…</div>`), as `textOfHtml`. */
function textOfEntry(html: string): string | undefined {
  const inner = /^<div class="csl-entry">([\s\S]*)<\/div>$/.exec(html)?.[1];
  return inner === undefined ? undefined : textOfHtml(inner)?.trim();
}

type CitationMode = 'composite' | 'author-only';

/** A citation of the document: its works, as given to citeproc-js, and where it is. */
interface DocumentCitation {
  citationItems: CSL.CitationItemInput[];
  mode: CitationMode | undefined;
  noteIndex: number;
}

interface CachedCitation extends RenderedCitation {
  mode?: CitationMode;
  warnings?: string[];
}

interface CachedBibliography {
  entries: BibliographyEntry[];
  warnings?: string[];
}

interface CachedEngine {
  warnings: string[];
}

function toCitation({ citationItems, mode, noteIndex }: DocumentCitation): CSL.Citation {
  return {
    citationItems: citationItems.map((item) => ({ ...item })),
    properties: { noteIndex, ...(mode ? { mode } : {}) },
  };
}

/**
 * Creates a processor for `items` in one style and locale, backed by citeproc-js. The style is read and
 * checked once, here: a style that is not valid CSL throws `CslStyleError` now, not at the first citation.
 * Each citation and each bibliography is one run of citeproc-js, none when `cache` already has it.
 */
export function createCiteProcessor(options: CiteProcessorOptions): CiteProcessor {
  const { cache } = options;
  // A style the cache has seen pass its checks is not read again.
  const styleKey = cache ? cacheKey('style', styleXml(options.style)) : '';
  const seenStyle = cache?.get(styleKey) as StyleInfo | undefined;
  const style = seenStyle ? { xml: styleXml(options.style), info: seenStyle } : resolveStyle(options.style);
  if (cache && !seenStyle) cache.set(styleKey, style.info);
  const locale = resolveLocale(options.locale);
  const warnings: string[] = [];
  // A hash of everything that decides the output; each citation's key adds the citations before it.
  const documentStart = cache ? cacheKey(style.xml, locale.lang, locale.xml, options.items) : '';
  const engineKey = cache ? cacheKey(documentStart, 'engine') : '';
  const seenEngine = cache?.get(engineKey) as CachedEngine | undefined;

  // Copies, so that citeproc-js never changes the caller's data (nor the caller citeproc-js's). Items the
  // cache has seen work with this style and locale were checked then: again only if citeproc-js must start.
  const copy = (items: readonly CslItem[]) => items.map((item) => structuredClone(item));
  let checkedItems = seenEngine ? undefined : copy(checkCslItems(options.items));
  const uncheckedItems = checkedItems ? [] : copy(options.items);
  const knownKeys = (checkedItems ?? uncheckedItems).map((item) => String(item.id));
  const known = new Set(knownKeys);

  const buildEngine = (collected: string[]): CSL.Engine => {
    checkedItems ??= checkCslItems(uncheckedItems);
    const items = new Map(checkedItems.map((item) => [item.id, item]));
    const sys: CSL.Sys = {
      retrieveLocale: (lang) =>
        lang === locale.lang ? locale.xml : lang === 'en-US' ? builtInLocaleXml : false,
      retrieveItem: (id) => items.get(id),
    };
    const { Engine } = citeproc();
    return collectingWarnings(collected, () => {
      try {
        const built = new Engine(sys, style.xml, locale.lang, true);
        built.updateUncitedItems(knownKeys);
        return built;
      } catch (error) {
        throw new CslStyleError(`citeproc-js cannot use it: ${errorMessage(error)}`);
      }
    });
  };

  // With a cache that has seen this style, locale and references work, citeproc-js is started only when
  // something is not in the cache; otherwise now, so that a style citeproc-js rejects fails here.
  let engine: CSL.Engine | undefined;
  if (seenEngine) warnings.push(...seenEngine.warnings);
  else {
    engine = buildEngine(warnings);
    cache?.set(engineKey, { warnings: [...warnings] } satisfies CachedEngine);
  }

  // Citations given to citeproc-js, and those after them taken from the cache, which it has not seen yet.
  let placed: CSL.CitationPlace[] = [];
  let unplaced: DocumentCitation[] = [];
  let documentKey = documentStart;

  const readyEngine = (): CSL.Engine => {
    // Warnings of work taken from the cache were collected with it.
    const ready = engine ?? buildEngine([]);
    engine = ready;
    collectingWarnings([], () => {
      for (const earlier of unplaced) {
        const citation = toCitation(earlier);
        ready.processCitationCluster(citation, placed, []);
        placed = [...placed, [citation.citationID ?? '', earlier.noteIndex]];
      }
    });
    unplaced = [];
    return ready;
  };

  const checkKey = (key: string): void => {
    if (!known.has(key)) throw new UnknownCitationKeyError(key, closestMatches(key, knownKeys, { limit: 3 }));
  };

  const printsNothing = (output: string) => noPrintedForm.test(output) || !output.trim();

  const render = (
    ready: CSL.Engine,
    citationItems: CSL.CitationItemInput[],
    keys: string[],
    narrative: boolean,
    noteIndex: number,
  ): CachedCitation => {
    const place = (mode: CitationMode | undefined) => {
      const citation = toCitation({ citationItems, mode, noteIndex });
      const [, updates] = ready.processCitationCluster(citation, placed, []);
      return { citation, html: updates.find(([index]) => index === placed.length)?.[1] ?? '' };
    };
    let mode: CitationMode | undefined = narrative ? 'composite' : undefined;
    let rendered = place(mode);
    // Where a style has nothing to print after the author (MLA without a locator), the author is the citation.
    if (mode && noPrintedForm.test(rendered.html)) {
      mode = 'author-only';
      rendered = place(mode);
    }
    const text =
      textOfHtml(rendered.html) ??
      ready.previewCitationCluster(toCitation({ citationItems, mode, noteIndex }), placed, [], 'text');
    if (printsNothing(text)) throw new EmptyCitationError(keys, style.info.title);
    if (citationItems.length > 1) {
      // citeproc-js may drop an empty work from a cluster without a word (or cut the cluster short).
      const empty = citationItems.filter((item) => {
        const alone: CSL.Citation = { citationItems: [{ ...item }], properties: { noteIndex } };
        return printsNothing(ready.previewCitationCluster(alone, placed, [], 'text'));
      });
      if (empty.length > 0)
        throw new EmptyCitationError(
          empty.map((item) => item.id),
          style.info.title,
        );
    }
    placed = [...placed, [rendered.citation.citationID ?? '', noteIndex]];
    return { html: rendered.html, text, ...(mode ? { mode } : {}) };
  };

  const cite = (cluster: CitationCluster | readonly CitationItem[]): RenderedCitation => {
    const { items: citedItems, narrative = false } = Array.isArray(cluster)
      ? { items: cluster as readonly CitationItem[] }
      : (cluster as CitationCluster);
    if (citedItems.length === 0)
      throw new CitationsError('a citation needs at least one key', 'citation/empty');
    for (const item of citedItems) checkKey(item.key);
    const citationItems = citedItems.map(toCiteprocItem);
    const keys = citedItems.map((item) => item.key);
    const noteIndex = style.info.class === 'note' ? placed.length + unplaced.length + 1 : 0;
    const key = cache ? cacheKey(documentKey, citationItems, narrative) : '';
    const cached = cache?.get(key) as CachedCitation | undefined;
    if (cached) {
      unplaced.push({ citationItems, mode: cached.mode, noteIndex });
      warnings.push(...(cached.warnings ?? []));
      documentKey = key;
      return { html: cached.html, text: cached.text };
    }
    const ready = readyEngine();
    const from = warnings.length;
    const rendered = collectingWarnings(warnings, () =>
      render(ready, citationItems, keys, narrative, noteIndex),
    );
    if (cache) {
      const said = warnings.slice(from);
      cache.set(key, {
        ...rendered,
        ...(said.length > 0 ? { warnings: said } : {}),
      } satisfies CachedCitation);
      documentKey = key;
    }
    return { html: rendered.html, text: rendered.text };
  };

  const renderBibliography = (ready: CSL.Engine): BibliographyEntry[] => {
    const html = ready.makeBibliography();
    if (!html) return [];
    const entryHtml = html[1].map((entry) => (entry ?? '').trim());
    let entryText = entryHtml.map(textOfEntry);
    if (entryText.some((text) => text === undefined)) {
      ready.setOutputFormat('text');
      const text = ready.makeBibliography();
      ready.setOutputFormat('html');
      if (!text) return [];
      entryText = text[1].map((entry) => (entry ?? '').trim());
    }
    const entries: BibliographyEntry[] = [];
    html[0].entry_ids.forEach(([key], index) => {
      if (key !== undefined)
        entries.push({ key, html: entryHtml[index] ?? '', text: entryText[index] ?? '' });
    });
    return entries;
  };

  const bibliography = (keys?: readonly string[]): BibliographyEntry[] => {
    if (!style.info.hasBibliography) {
      throw new CslStyleError(`'${style.info.title}' defines no <bibliography>; use a style that has one`);
    }
    for (const key of keys ?? []) checkKey(key);
    const key = cache ? cacheKey(documentKey, 'bibliography') : '';
    const cached = cache?.get(key) as CachedBibliography | undefined;
    let entries = cached?.entries;
    if (cached) warnings.push(...(cached.warnings ?? []));
    if (!entries) {
      const ready = readyEngine();
      const from = warnings.length;
      entries = collectingWarnings(warnings, () => renderBibliography(ready));
      const said = warnings.slice(from);
      cache?.set(key, {
        entries,
        ...(said.length > 0 ? { warnings: said } : {}),
      } satisfies CachedBibliography);
    }
    const wanted = keys ? new Set(keys) : undefined;
    return entries.filter((entry) => !wanted || wanted.has(entry.key)).map((entry) => ({ ...entry }));
  };

  return {
    style: style.info,
    warnings,
    cite,
    bibliography,
    reset: () => {
      placed = [];
      unplaced = [];
      documentKey = documentStart;
    },
  };
}
