export { default, metadata } from '@coursekit/next/app/teacher/invite/page';
