export { default, metadata } from '@coursekit/next/app/join/page';
