export { default, metadata } from '@coursekit/next/app/teacher/teachers/page';
export const dynamic = 'force-dynamic';
