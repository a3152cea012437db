/** One heading of the table of contents. */
export interface TocEntry {
  depth: 2 | 3;
  /** The heading's `id` in the page, stable while its text stays the same. */
  id: string;
  text: string;
}

/** A citation key used in a lesson. */
export interface CitationUse {
  key: string;
  /** True when the key is cited only inside teacher-only blocks. */
  teacherOnly: boolean;
}

/** A glossary term linked from a lesson. */
export interface TermUse {
  id: string;
  teacherOnly: boolean;
}

export interface ReadingTime {
  /** Words a student reads (teacher-only blocks not counted). */
  words: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

declare module 'vfile' {
  interface DataMap {
    toc: TocEntry[];
    citationsUsed: CitationUse[];
    termsUsed: TermUse[];
    quizzesEmbedded: string[];
    readingTime: ReadingTime;
  }
}
