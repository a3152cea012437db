import { cookies } from 'next/headers';
import { TEACHER_COOKIE } from './cookies';
import { getSessionSecret } from './secrets';
import { teacherSessionFromToken } from './sessions';
import { startServer } from './startup';
import { getStorage } from './storage/index';
import type { SessionRecord, Storage } from './storage/types';

/** For server components: the teacher session of the page request, with the storage to read from. */
export async function teacherForPage(): Promise<{ storage: Storage; session: SessionRecord } | undefined> {
  await startServer();
  const storage = getStorage();
  const secret = await getSessionSecret(storage);
  const token = (await cookies()).get(TEACHER_COOKIE)?.value;
  const session = await teacherSessionFromToken(token, { storage, secret, now: Date.now() });
  return session ? { storage, session } : undefined;
}
