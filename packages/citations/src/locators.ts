import { cslLocatorLabels } from './csl-vocabulary.js';
import { builtInLocaleXml } from './locales.js';
import type { CslLocatorLabel } from './types.js';
import { attribute, childElements, elementText, parseXml } from './xml.js';

let termsToLabels: Map<string, CslLocatorLabel> | undefined;

/**
 * Every way the en-US locale writes a locator label (`page`, `pages`, `p.`, `pp.`, `para.`, `¶`, `§`, …),
 * lower-cased, mapped to the label. Read from the locale rather than listed here, as pandoc does.
 */
export function locatorTerms(): ReadonlyMap<string, CslLocatorLabel> {
  if (termsToLabels) return termsToLabels;
  const parsed = parseXml(builtInLocaleXml);
  const terms = 'document' in parsed ? parsed.document : {};
  const found = new Map<string, CslLocatorLabel>();
  const termElements = childElements(childElements(childElements(terms, 'locale')[0], 'terms')[0], 'term');
  for (const label of cslLocatorLabels) {
    found.set(label, label);
    for (const term of termElements) {
      if (attribute(term, 'name') !== label) continue;
      const forms = [
        elementText(term),
        ...['single', 'multiple'].map((n) => elementText(childElements(term, n)[0])),
      ];
      for (const form of forms) {
        const written = form?.trim().toLowerCase();
        if (written && !found.has(written)) found.set(written, label);
      }
    }
  }
  termsToLabels = found;
  return found;
}

/** The CSL label that `term` (`para.`, `pp.`, `¶`, `chapter`) stands for, if it is one. */
export function locatorLabelOf(term: string): CslLocatorLabel | undefined {
  return locatorTerms().get(term.trim().toLowerCase());
}

/** A locator read from text such as `para. 3`: the label, the locator, and any text after it. */
export interface ParsedLocator {
  label: CslLocatorLabel;
  locator: string;
  /** Text after the locator (`, emphasis added`), as written. */
  suffix?: string;
}

const roman = 'm{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})';
const romanNumeral = `(?=[ivxlcdm])${roman}(?![\\p{L}\\p{N}])|(?=[IVXLCDM])${roman.toUpperCase()}(?![\\p{L}\\p{N}])`;
// A number may have letters and inner dots or colons: `12b`, `4.1`, `3:16`.
const numberPart = '\\p{N}(?:[\\p{L}\\p{N}]|[.:](?=\\p{N}))*';
const locatorPart = `(?:${numberPart}|${romanNumeral})(?:\\s*[-–—]\\s*(?:${numberPart}|${romanNumeral}))?`;
const locatorValue = new RegExp(`^(?:\\{([^{}]*)\\}|(${locatorPart}(?:,\\s*${locatorPart})*))`, 'u');
const numericStart = /^\p{N}/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let labelPattern: RegExp | undefined;

/** A label term at the start of text, longest terms first so `pp.` wins over `p.`. */
function leadingLabel(text: string): { label: CslLocatorLabel; length: number } | undefined {
  if (!labelPattern) {
    const terms = [...locatorTerms().keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    // A word term (`page`) must end at a word boundary; an abbreviation or symbol (`p.`, `¶`) need not.
    labelPattern = new RegExp(`^(?:${terms.join('|')})(?!(?<=\\p{L})\\p{L})`, 'iu');
  }
  const match = labelPattern.exec(text);
  if (!match) return undefined;
  const label = locatorLabelOf(match[0]);
  return label ? { label, length: match[0].length } : undefined;
}

/**
 * Reads a pandoc locator at the start of `text`: `para. 3`, `pp. 33-35, 38`, `chap. 2`, `¶ 4`, `{iv, vi-xi}`
 * or a bare number (a page). Returns `undefined` when `text` does not start with a locator.
 */
export function parseLocator(text: string): ParsedLocator | undefined {
  const trimmed = text.trimStart();
  const labelled = leadingLabel(trimmed);
  const rest = labelled ? trimmed.slice(labelled.length).trimStart() : trimmed;
  const match = locatorValue.exec(rest);
  if (!match) return undefined;
  const locator = (match[1] ?? match[2] ?? '').trim();
  if (!locator) return undefined;
  // Without a label only a number is a locator (pandoc reads it as a page); `[@a, see also]` is a suffix.
  if (!labelled && match[1] === undefined && !numericStart.test(locator)) return undefined;
  const after = rest.slice(match[0].length);
  return {
    label: labelled?.label ?? 'page',
    locator,
    ...(after.trim() ? { suffix: after } : {}),
  };
}
