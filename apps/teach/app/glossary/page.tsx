export { default, metadata } from '@coursekit/next/app/glossary/page';
