import type { Env } from './config';
import { ensureTeacherPasscode } from './passcode';
import { getSessionSecret } from './secrets';
import type { ClassroomStore } from './storage/types';
import { ensureOwnerAccount } from './teacher-accounts';

/**
 * Makes sure a teacher passcode exists (printing a generated one once) and loads the session secret. The
 * store has been opened and migrated already.
 */
export async function startClassroom(
  store: ClassroomStore,
  env: Env = process.env,
  log: (line: string) => void = console.log,
): Promise<void> {
  const passcode = await ensureTeacherPasscode(store, env);
  await getSessionSecret(store, env);
  await ensureOwnerAccount(store, env, Date.now());
  if (passcode.source === 'database' && passcode.generated) {
    log(
      [
        '',
        `  coursekit: no TEACHER_PASSCODE was set, so a teacher passcode was generated for ${store.location}:`,
        '',
        `      ${passcode.generated}`,
        '',
        '  It is shown only this once and stored only as a hash. Write it down, or set TEACHER_PASSCODE.',
        '',
      ].join('\n'),
    );
  }
}
