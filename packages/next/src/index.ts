export { type CoursekitOptions, serverPackages, withCoursekit } from './config.js';
export {
  type CourseIdentity,
  courseDir,
  courseIdentity,
  courseMismatch,
} from './lib/server/course-identity.js';
