import type { Classroom, SessionRecord } from '@coursekit/classroom';
import { cookies } from 'next/headers';
import { getClassroom } from './classroom.js';

/** For server components: the teacher session of the page request, with the classroom to read from. */
export async function teacherForPage(): Promise<
  { classroom: Classroom; session: SessionRecord } | undefined
> {
  const classroom = getClassroom();
  const token = (await cookies()).get('ck_teacher')?.value;
  const session = await classroom.teacherSession(token);
  return session ? { classroom, session } : undefined;
}
