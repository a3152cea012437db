export { default, metadata } from '@coursekit/next/app/reading/page';
