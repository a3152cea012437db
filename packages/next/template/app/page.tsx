export { default } from '@coursekit/next/app/page';
