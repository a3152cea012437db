import type { cslDateVariables, cslItemTypes, cslLocatorLabels, cslNameVariables } from './csl-vocabulary.js';

/** A CSL item type such as `article-journal`, `book`, `chapter`, `webpage` or `document`. */
export type CslItemType = (typeof cslItemTypes)[number];

/** A CSL name variable such as `author` or `editor`. */
export type CslNameVariable = (typeof cslNameVariables)[number];

/** A CSL date variable such as `issued` or `accessed`. */
export type CslDateVariable = (typeof cslDateVariables)[number];

/** A CSL locator label: what a locator counts (`page`, `paragraph`, `chapter`, `section`, …). */
export type CslLocatorLabel = (typeof cslLocatorLabels)[number];

/** A person (`family` + `given`) or an organisation (`literal`), as in CSL-JSON. */
export interface CslName {
  family?: string;
  given?: string;
  /** A name printed as it is, for organisations: `United Nations Security Council`. */
  literal?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  'comma-suffix'?: boolean;
  'static-ordering'?: boolean;
  'parse-names'?: boolean;
}

/** A CSL-JSON date: `date-parts` (`[[2017, 12, 22]]`, a range has two), or `raw` / `literal` text. */
export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  season?: number | string;
  circa?: boolean | number | string;
  literal?: string;
  raw?: string;
}

/** One reference in CSL-JSON, the data that citeproc-js formats. `id` is the citation key. */
export interface CslItem {
  id: string;
  type: CslItemType;
  'citation-key'?: string;
  title?: string;
  'title-short'?: string;
  'container-title'?: string;
  'collection-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  genre?: string;
  medium?: string;
  number?: string | number;
  volume?: string | number;
  issue?: string | number;
  page?: string | number;
  edition?: string | number;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  ISSN?: string;
  note?: string;
  language?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  'container-author'?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'original-date'?: CslDate;
  'event-date'?: CslDate;
  /** Any other CSL variable (CSL-JSON allows all of them; see the specification). */
  [variable: string]: unknown;
}

/**
 * One work cited in a citation, as pandoc's `[see @key, para. 3]` says it.
 * `prefix` and `suffix` are text around the work (`see`, `, emphasis added`); `locator` points into it.
 */
export interface CitationItem {
  key: string;
  locator?: string;
  /** What the locator counts; `page` when a locator has no label. */
  label?: CslLocatorLabel;
  prefix?: string;
  suffix?: string;
  /** Leave the author out (`[-@key]`), when the sentence already names them. */
  suppressAuthor?: boolean;
}

/** The works of one citation. A narrative citation (`@key`) names the author in the sentence. */
export interface CitationCluster {
  items: readonly CitationItem[];
  narrative?: boolean;
}

/** A citation as HTML (escaped, safe to insert) and as plain text. */
export interface RenderedCitation {
  html: string;
  text: string;
}

/** One entry of a bibliography, with the key of the reference it formats. */
export interface BibliographyEntry {
  key: string;
  html: string;
  text: string;
}
