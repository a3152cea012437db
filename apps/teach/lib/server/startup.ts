import { databasePath } from './config';
import { ensureTeacherPasscode } from './passcode';
import { getSessionSecret } from './secrets';
import { getStorage } from './storage/index';

const slot = Symbol.for('coursekit.teach.startup');
type Holder = { [slot]?: Promise<void> };

/**
 * Opens and migrates the database, makes sure a teacher passcode exists (printing a generated one once)
 * and loads the session secret. Runs once per process: from instrumentation.ts at server start, and
 * again lazily by the first API request if that did not happen.
 */
export function startServer(log: (line: string) => void = console.log): Promise<void> {
  const holder = globalThis as Holder;
  let started = holder[slot];
  if (!started) {
    started = (async () => {
      const storage = getStorage();
      const passcode = await ensureTeacherPasscode(storage);
      await getSessionSecret(storage);
      if (passcode.source === 'database' && passcode.generated) {
        log(
          [
            '',
            `  coursekit: no TEACHER_PASSCODE was set, so a teacher passcode was generated for ${databasePath()}:`,
            '',
            `      ${passcode.generated}`,
            '',
            '  It is shown only this once and stored only as a hash. Write it down, or set TEACHER_PASSCODE.',
            '',
          ].join('\n'),
        );
      }
    })();
    started.catch(() => {
      holder[slot] = undefined;
    });
    holder[slot] = started;
  }
  return started;
}
