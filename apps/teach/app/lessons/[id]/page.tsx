export { default, generateMetadata, generateStaticParams } from '@coursekit/next/app/lessons/[id]/page';
export const dynamicParams = false;
