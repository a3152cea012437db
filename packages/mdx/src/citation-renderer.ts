/** A citation found in prose: where it is, the keys it names, and the parsed cluster to render. */
export interface FoundCitation {
  /** Offset of the first character of the citation in the searched text. */
  start: number;
  /** Offset after its last character. */
  end: number;
  /** Cited keys, in order, without `@`. */
  keys: string[];
  /** The parsed citation as `@coursekit/citations` gives it, passed back to `render`. */
  cluster: unknown;
}

/** One reference as a bibliography lists it. */
export interface ReferenceEntry {
  key: string;
  html: string;
  text: string;
}

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
  /** The in-text citation for a found cluster. */
  render(cluster: unknown): RenderedCitation;
  /** The in-text citation of one key at a locator, as `:::source{cite locator}` uses it. */
  renderSource(key: string, locator: string | undefined): RenderedCitation;
  /** Full references for keys, in the style's bibliography order. */
  references(keys: readonly string[]): ReferenceEntry[];
  /** Close matches for an unknown key. */
  suggest(key: string): string[];
}
