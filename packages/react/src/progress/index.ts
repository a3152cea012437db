// A student's progress: kept in this browser (localStorage, per course) for visitors, on the server for class
// members, and the controls that show it. No 'use client' here: each control's module carries its own, so a
// page ships only the controls it renders.
export {
  type ClassProgress,
  lessonProgressOf,
  nextLesson,
  readClassProgress,
  useLearnerProgress,
} from './class-progress.js';
export { ContinueLink } from './continue-link.js';
export { CourseProgressSummary } from './course-progress-summary.js';
export { LessonProgressBadge } from './lesson-progress-badge.js';
export { MarkCompleteButton } from './mark-complete-button.js';
export { updateProgress, useProgress } from './use-progress.js';
