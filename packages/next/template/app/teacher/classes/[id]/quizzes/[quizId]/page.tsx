export { default, metadata } from '@coursekit/next/app/teacher/classes/[id]/quizzes/[quizId]/page';
export const dynamic = 'force-dynamic';
