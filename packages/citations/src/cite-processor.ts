import CSL from 'citeproc';
import { findClosestKeys } from './closest-keys.js';
import { cslLocatorLabels } from './csl-vocabulary.js';
import { CitationsError, CslStyleError, EmptyCitationError, UnknownCitationKeyError } from './errors.js';
import { builtInLocaleXml, resolveLocale } from './locales.js';
import { locatorLabelOf } from './locators.js';
import { checkCslItems } from './parse-csl-data.js';
import { type BuiltInStyleName, resolveStyle, type StyleInfo } from './styles.js';
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
  const original = CSL.debug;
  CSL.debug = (message: string) => {
    warnings.push(String(message));
  };
  try {
    return run();
  } finally {
    CSL.debug = original;
  }
}

function locatorLabel(item: CitationItem): CslLocatorLabel | undefined {
  if (item.label === undefined) return item.locator ? 'page' : undefined;
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

/**
 * Creates a processor for `items` in one style and locale, backed by citeproc-js. The style is read and
 * checked once, here: a style that is not valid CSL throws `CslStyleError` now, not at the first citation.
 */
export function createCiteProcessor(options: CiteProcessorOptions): CiteProcessor {
  const style = resolveStyle(options.style);
  const locale = resolveLocale(options.locale);
  // Copies, so that citeproc-js never changes the caller's data.
  const items = new Map(checkCslItems(options.items).map((item) => [item.id, structuredClone(item)]));
  const knownKeys = [...items.keys()];
  const warnings: string[] = [];
  const sys: CSL.Sys = {
    retrieveLocale: (lang) =>
      lang === locale.lang ? locale.xml : lang === 'en-US' ? builtInLocaleXml : false,
    retrieveItem: (id) => items.get(id),
  };
  const engine = collectingWarnings(warnings, () => {
    try {
      const built = new CSL.Engine(sys, style.xml, locale.lang, true);
      built.updateUncitedItems(knownKeys);
      return built;
    } catch (error) {
      throw new CslStyleError(`citeproc-js cannot use it: ${errorMessage(error)}`);
    }
  });
  let citationsSoFar: CSL.CitationPlace[] = [];

  const checkKey = (key: string): void => {
    if (!items.has(key)) throw new UnknownCitationKeyError(key, findClosestKeys(key, knownKeys));
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
    const noteIndex = style.info.class === 'note' ? citationsSoFar.length + 1 : 0;
    const citation = (mode?: 'composite' | 'author-only'): CSL.Citation => ({
      citationItems: citationItems.map((item) => ({ ...item })),
      properties: { noteIndex, ...(mode ? { mode } : {}) },
    });
    return collectingWarnings(warnings, () => {
      let mode: 'composite' | 'author-only' | undefined = narrative ? 'composite' : undefined;
      let text = engine.previewCitationCluster(citation(mode), citationsSoFar, [], 'text');
      // Where a style has nothing to print after the author (MLA without a locator), the author is the citation.
      if (mode && noPrintedForm.test(text)) {
        mode = 'author-only';
        text = engine.previewCitationCluster(citation(mode), citationsSoFar, [], 'text');
      }
      const printsNothing = (output: string) => noPrintedForm.test(output) || !output.trim();
      if (printsNothing(text)) throw new EmptyCitationError(keys, style.info.title);
      if (citationItems.length > 1) {
        // citeproc-js may drop an empty work from a cluster without a word (or cut the cluster short).
        const empty = citationItems.filter((item) => {
          const alone: CSL.Citation = { citationItems: [{ ...item }], properties: { noteIndex } };
          return printsNothing(engine.previewCitationCluster(alone, citationsSoFar, [], 'text'));
        });
        if (empty.length > 0)
          throw new EmptyCitationError(
            empty.map((item) => item.id),
            style.info.title,
          );
      }
      const registered = citation(mode);
      const [, updates] = engine.processCitationCluster(registered, citationsSoFar, []);
      const html = updates.find(([index]) => index === citationsSoFar.length)?.[1] ?? '';
      citationsSoFar = [...citationsSoFar, [registered.citationID ?? '', noteIndex]];
      return { html, text };
    });
  };

  const bibliography = (keys?: readonly string[]): BibliographyEntry[] => {
    if (!style.info.hasBibliography) {
      throw new CslStyleError(`'${style.info.title}' defines no <bibliography>; use a style that has one`);
    }
    for (const key of keys ?? []) checkKey(key);
    return collectingWarnings(warnings, () => {
      engine.setOutputFormat('text');
      const text = engine.makeBibliography();
      engine.setOutputFormat('html');
      const html = engine.makeBibliography();
      if (!text || !html) return [];
      const wanted = keys ? new Set(keys) : undefined;
      const entries: BibliographyEntry[] = [];
      html[0].entry_ids.forEach(([key], index) => {
        if (key === undefined || (wanted && !wanted.has(key))) return;
        entries.push({ key, html: (html[1][index] ?? '').trim(), text: (text[1][index] ?? '').trim() });
      });
      return entries;
    });
  };

  return {
    style: style.info,
    warnings,
    cite,
    bibliography,
    reset: () => {
      citationsSoFar = [];
    },
  };
}
