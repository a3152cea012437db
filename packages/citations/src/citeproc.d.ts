// The parts of citeproc-js (the `citeproc` package, which ships no types) that this package uses.
declare module 'citeproc' {
  namespace CSL {
    interface Sys {
      retrieveLocale(lang: string): string | false;
      retrieveItem(id: string): unknown;
    }
    interface CitationItemInput {
      id: string;
      locator?: string;
      label?: string;
      prefix?: string;
      suffix?: string;
      'suppress-author'?: boolean;
    }
    interface Citation {
      citationItems: CitationItemInput[];
      properties: { noteIndex: number; mode?: 'composite' | 'author-only' | 'suppress-author' };
      citationID?: string;
    }
    type CitationPlace = [citationID: string, noteIndex: number];
    interface BibliographyMeta {
      entry_ids: string[][];
      bibliography_errors: unknown[];
    }
    type OutputFormat = 'html' | 'text' | 'rtf';
    class Engine {
      constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
      opt: { class: string };
      updateItems(ids: string[]): void;
      updateUncitedItems(ids: string[]): void;
      processCitationCluster(
        citation: Citation,
        citationsPre: CitationPlace[],
        citationsPost: CitationPlace[],
      ): [unknown, Array<[index: number, output: string, citationID: string]>];
      previewCitationCluster(
        citation: Citation,
        citationsPre: CitationPlace[],
        citationsPost: CitationPlace[],
        format: OutputFormat,
      ): string;
      makeBibliography(): false | [BibliographyMeta, string[]];
      setOutputFormat(format: OutputFormat): void;
    }
    let debug: (message: string) => void;
  }
  export = CSL;
}
