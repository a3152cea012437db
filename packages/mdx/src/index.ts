export type { Issue } from '@coursekit/issues';
export {
  type BuildCourseOptions,
  type BuiltCourse,
  type BuiltLesson,
  type BuiltLessonCode,
  buildCourse,
  compileCourse,
  type StudentFrontmatter,
} from './build-course.js';
export {
  type CitationRenderer,
  type CitationRendererOptions,
  createCitationRenderer,
  type FoundCitation,
  type ReferenceEntry,
  type RenderedCitation,
} from './citation-renderer.js';
export {
  type CompileCache,
  type CompileCacheOptions,
  type CompileCacheStats,
  createCompileCache,
} from './compile-cache.js';
export {
  type AnalyzedLesson,
  analyzeLesson,
  type CompiledLesson,
  type CompiledLessonCode,
  type CompileLessonOptions,
  compileLesson,
  type LessonContext,
  type LessonMeta,
} from './compile-lesson.js';
export { type CourseComponentName, courseComponents } from './components.js';
export {
  type CourseFileKind,
  type CourseFileOf,
  courseFileJsonSchema,
  courseFileKinds,
  courseFileSchemas,
  parseCourseFile,
} from './course-file-kinds.js';
export { courseOutputFiles } from './course-output.js';
export {
  type InitializedProject,
  InitProjectError,
  type InitProjectOptions,
  initProject,
  starterCourseFolder,
} from './init/init-project.js';
export { type PackageManager, packageManagers } from './init/project-manifest.js';
export { checkProjectName, type ProjectNameCheck, projectNameFromFolder } from './init/project-name.js';
export { CourseContentError, type CourseIssue, formatIssue, hasErrors, sortIssues } from './issue.js';
export type { CitationUse, ReadingTime, TermUse, TocEntry } from './lesson-data.js';
export type { LessonVariant } from './lesson-variants.js';
export {
  type CourseReadingText,
  type LoadCourseOptions,
  type LoadedCourse,
  type LoadedLesson,
  loadCourse,
} from './load-course.js';
export {
  type MigrateCourseOptions,
  type MigrationChange,
  type MigrationReport,
  migrateCourse,
} from './migrate/migrate-course.js';
export { type CourseMigration, courseMigrations, type MigrationEdit } from './migrate/migrations.js';
export { countWords, wordsPerMinute } from './reading-time.js';
export { type RemarkCitationsOptions, remarkCitations } from './remark-citations.js';
export {
  type CourseDirectiveName,
  courseDirectives,
  remarkCourseDirectives,
} from './remark-course-directives.js';
export {
  type GlossaryEntry,
  type RemarkGlossaryTermsOptions,
  remarkGlossaryTerms,
} from './remark-glossary-terms.js';
export { remarkHeadingIds } from './remark-heading-ids.js';
export { type RemarkKnownComponentsOptions, remarkKnownComponents } from './remark-known-components.js';
export { type RemarkQuizEmbedsOptions, remarkQuizEmbeds } from './remark-quiz-embeds.js';
export {
  ScaffoldError,
  type ScaffoldedLesson,
  type ScaffoldLessonOptions,
  scaffoldLesson,
} from './scaffold-lesson.js';
export { renderCitationsInText, type TextSegment } from './text-citations.js';
export { type OutputFile, OutputFolderError, writeOutputFolder } from './write-course.js';
