import { withCoursekit } from '@coursekit/next';

// The whole site is @coursekit/next; this app gives it the Two Peripheries course folder.
export default withCoursekit(
  {},
  { courseDir: 'content/two-peripheries', buildCommand: 'pnpm --filter @coursekit/teach build' },
);
