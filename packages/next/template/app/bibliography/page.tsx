export { default, metadata } from '@coursekit/next/app/bibliography/page';
