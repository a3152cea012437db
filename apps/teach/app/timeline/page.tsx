export { default, metadata } from '@coursekit/next/app/timeline/page';
