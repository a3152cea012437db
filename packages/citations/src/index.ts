export {
  type CitationCache,
  type CitationCacheOptions,
  type CitationCacheStats,
  createCitationCache,
} from './citation-cache.js';
export { type CiteProcessor, type CiteProcessorOptions, createCiteProcessor } from './cite-processor.js';
export { type CiteThisLessonOptions, citeThisLesson } from './cite-this-lesson.js';
export { type FindClosestKeysOptions, findClosestKeys } from './closest-keys.js';
export { cslItemTypes, cslLocatorLabels } from './csl-vocabulary.js';
export {
  BibTeXSyntaxError,
  CitationsError,
  CslDataError,
  type CslDataIssue,
  CslLocaleError,
  CslStyleError,
  EmptyCitationError,
  UnknownCitationKeyError,
} from './errors.js';
export { citationKeyPattern } from './keys.js';
export { type ParsedLocator, parseLocator } from './locators.js';
export { type ParseReferencesOptions, parseBibTeX } from './parse-bibtex.js';
export { type FoundCitation, parseCitations } from './parse-citations.js';
export { parseCslJson, parseCslYaml } from './parse-csl-data.js';
export { type BuiltInStyleName, builtInStyles, type StyleInfo } from './styles.js';
export type {
  BibliographyEntry,
  CitationCluster,
  CitationItem,
  CslDate,
  CslDateVariable,
  CslItem,
  CslItemType,
  CslLocatorLabel,
  CslName,
  CslNameVariable,
  RenderedCitation,
} from './types.js';
