export { default, metadata } from '@coursekit/next/app/teacher/classes/[id]/students/[studentId]/page';
export const dynamic = 'force-dynamic';
