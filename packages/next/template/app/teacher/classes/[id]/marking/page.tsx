export { default, metadata } from '@coursekit/next/app/teacher/classes/[id]/marking/page';
export const dynamic = 'force-dynamic';
