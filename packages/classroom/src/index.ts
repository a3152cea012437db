// @coursekit/classroom: class mode for a coursekit course as Fetch-standard handlers.
export {
  type Classroom,
  type ClassroomOptions,
  type ConnectionInfo,
  createClassroom,
  jsonError,
} from './api';
export type { AttemptSummary } from './attempt-summary';
export {
  type CheckedQuestion,
  learnerSeed,
  type QuestionProgress,
  type QuizForLearner,
  type SubmittedAttempt,
} from './attempts';
export { MAX_JSON_DEPTH } from './body';
export { ConfigurationError, courseDirectory, type Env, isConfigurationError } from './config';
export {
  CourseFolderError,
  type CourseOutline,
  isCourseFolderError,
  type LessonOutline,
  loadCourseOutline,
  loadInstructorCode,
} from './course';
export type {
  ClassDashboard,
  DashboardLesson,
  DashboardStudent,
  ItemRow,
  LessonCell,
  LessonNotes,
  QuizAnalysis,
} from './dashboard';
export { ApiError, type ApiErrorBody, type ApiIssue, isApiError } from './errors';
export { gradebookCsv, gradebookFileName } from './gradebook';
export {
  type PublishedScore,
  publishQuizScore,
  type QuizScore,
} from './lti/ags';
export { rotateToolKey } from './lti/keys';
export { staticConfiguration, type ToolUrls, toolUrls } from './lti/tool-config';
export { type NodeRequest, type NodeResponse, toNodeListener } from './node';
export type { LearnerProgress } from './progress';
export { clientAddressOf, parseTrustProxy, type TrustProxy } from './rate-limit';
export { DEFAULT_REVIEW, resolveReview } from './review';
export {
  type DatabaseTarget,
  databaseTarget,
  describePostgresUrl,
  migratePostgres,
  migrateSqlite,
  openSqliteDatabase,
  openStore,
  PostgresStore,
  SqliteStore,
  StoredDataError,
  StoreUnavailableError,
} from './storage/index';
export type * from './storage/types';
export type {
  AttemptReopenView,
  EssayToMark,
  GradeView,
  MarkingList,
  StudentDetail,
  StudentDetailAttempt,
} from './teacher-views';
