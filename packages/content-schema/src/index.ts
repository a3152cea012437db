export type { Issue } from '@coursekit/issues';
export { parseJsonPointer, toJsonPointer } from '@coursekit/issues';
export type { Bundle, BundleFile, ValidationResult } from './bundle.js';
export { type DatePrecision, datePrecisions, describeDateProblem, isCalendarDate } from './calendar-date.js';
export { checkObjectives, courseObjectiveVerbs } from './check-objectives.js';
export { citationKeySchema } from './citation-key.js';
export {
  type ContentKind,
  type ContentOf,
  contentKinds,
  contentSchemas,
  type ParseContentResult,
  parseContent,
  parseWithSchema,
} from './content-kinds.js';
export { type CourseIssue, formatIssue, hasErrors, type SourcePosition } from './course-issue.js';
export {
  type CitationStyle,
  type Course,
  type CourseAuthor,
  type CourseGrading,
  type CourseLevel,
  type CourseOutcome,
  type CourseReading,
  citationStyles,
  courseAuthorSchema,
  courseGradingSchema,
  courseLevels,
  courseOutcomeSchema,
  courseReadingSchema,
  courseSchema,
  cslStylePathSchema,
  type ObjectiveVerbs,
  objectiveVerbsSchema,
  type ReviewTime,
  reviewTimes,
  type TimelineGroup,
  type TimelineLane,
  timelineGroupSchema,
  timelineLaneSchema,
} from './course-schema.js';
export { type Glossary, type GlossaryTerm, glossarySchema, glossaryTermSchema } from './glossary-schema.js';
export { contentJsonSchema, schemaToJsonSchema } from './json-schema.js';
export { languageTagSchema } from './language-tag.js';
export {
  type LessonFrontmatter,
  type LessonObjective,
  lessonFrontmatterSchema,
  lessonObjectiveSchema,
  maxLessonMinutes,
} from './lesson-frontmatter-schema.js';
export { licenseSchema, spdxLicenses } from './license.js';
export {
  type BloomCategory,
  bloomCategories,
  bloomVerbs,
  type ObservableVerb,
  objectiveTextSchema,
  observableVerbs,
  startsWithObservableVerb,
  suggestObjectiveText,
  suggestObjectiveVerbs,
} from './objective-verb.js';
export {
  type QuestionLike,
  type QuizLike,
  type QuizQuestionSummary,
  type QuizSummary,
  summariseQuiz,
} from './quiz-summary.js';
export { slugSchema, toSlug } from './slug.js';
export { closestMatch, closestMatches, didYouMean } from './suggest.js';
export {
  type Timeline,
  type TimelineEvent,
  timelineEventSchema,
  timelineSchema,
} from './timeline-schema.js';
export { validateCourse } from './validate-course.js';
export { createYamlLocator, locateInYaml, locateIssue, type YamlLocator } from './yaml-locate.js';
export { type ZodIssueOptions, zodIssuesToCourseIssues } from './zod-issues.js';
