export { default, generateMetadata, viewport } from '@coursekit/next/app/layout';
