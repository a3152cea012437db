import { cookies } from 'next/headers';
import { getClassroom } from '../../../../../lib/server/classroom.js';

/**
 * Reads a teacher route of the class-mode API for a server component, with the page request's teacher
 * cookie: the pages show exactly what the documented API answers, checks included. `Classroom` has no
 * method for these reads, so the request goes through `handle` in the same process. The bodies' types come
 * from @coursekit/classroom (`MarkingList`, `StudentDetail`, …), which builds them.
 */
export async function teacherApiGet<T>(
  path: string,
): Promise<{ status: number; data: T | undefined; message: string | undefined }> {
  const classroom = getClassroom();
  const token = (await cookies()).get('ck_teacher')?.value;
  const headers: Record<string, string> = {};
  if (token) headers.cookie = `ck_teacher=${token}`;
  const response = await classroom.handle(
    new Request(`http://127.0.0.1${classroom.basePath}${path}`, { headers }),
  );
  const body = (await response.json().catch(() => undefined)) as
    | (T & { error?: { message?: string } })
    | undefined;
  if (!response.ok) return { status: response.status, data: undefined, message: body?.error?.message };
  return { status: response.status, data: body, message: undefined };
}
