export { default, metadata } from '@coursekit/next/app/teacher/classes/[id]/page';
export const dynamic = 'force-dynamic';
