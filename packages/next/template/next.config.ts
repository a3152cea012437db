import { withCoursekit } from '@coursekit/next';

// The site is @coursekit/next; it serves the course in course/ (COURSE_DIR overrides it for build and start).
export default withCoursekit({}, { courseDir: 'course' });
