/**
 * The components compiled lessons use, which the app passes to the MDX content as `components`.
 * Their props are described in the README.
 */
export const courseComponents = [
  'Citation',
  'Term',
  'Source',
  'Instructor',
  'Quiz',
  'Objectives',
  'KeyPoints',
  'Discussion',
] as const;

export type CourseComponentName = (typeof courseComponents)[number];
