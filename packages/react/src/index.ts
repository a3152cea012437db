// Static components and helpers: no state, no effects, safe in React Server Components and any renderer.
// The interactive islands are the `/quiz`, `/progress` and `/popover-escape` entries ('use client').
export { type ApiErrorBody, errorMessage, type JsonResponse, postJson, readCsrfCookie } from './api.js';
export { formatMinutes } from './format.js';
export {
  type BlockProps,
  Discussion,
  Instructor,
  type InstructorProps,
  KeyPoints,
  Objectives,
} from './lesson/blocks.js';
export { Citation, type CitationProps, type ReferenceEntryProps } from './lesson/citation.js';
export {
  citationHref,
  locatorHref,
  paragraphAnchor,
  paragraphFromLocator,
  paragraphHref,
  READING_PATH,
  referenceAnchor,
  referenceHref,
} from './lesson/locator.js';
export { Panel, type PanelProps } from './lesson/panel.js';
export { SourceExcerpt, type SourceExcerptProps } from './lesson/source-excerpt.js';
export { TableOfContents, type TocEntry } from './lesson/table-of-contents.js';
export { Term, type TermProps } from './lesson/term.js';
export { inlineEntryHtml, TrustedHtml } from './lesson/trusted-html.js';
export {
  countCompleted,
  emptyProgress,
  type LessonProgress,
  markLessonComplete,
  type Progress,
  parseProgress,
  progressStorageKey,
  recordQuizScore,
  serialiseProgress,
} from './progress/progress.js';
export { allStrings, publicQuizTexts, type QuizTexts } from './quiz/quiz-texts.js';
