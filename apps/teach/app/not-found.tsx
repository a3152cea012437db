export { default } from '@coursekit/next/app/not-found';
