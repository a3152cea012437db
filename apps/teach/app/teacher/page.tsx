export { default, metadata } from '@coursekit/next/app/teacher/page';
export const dynamic = 'force-dynamic';
