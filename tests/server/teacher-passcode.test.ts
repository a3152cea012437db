// A TEACHER_PASSCODE too short to be safe stops `pnpm start` with one line that names the variable and says
// what to do, never a stack trace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, makeTempDir, removeTempDir, teachDir } from '../support/server';

// What `pnpm start` runs in apps/teach.
const startCommand = join(teachDir, '..', '..', 'packages', 'next', 'bin', 'coursekit-next.mjs');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('coursekit-passcode-');
});
afterAll(() => removeTempDir(dir));

it('refuses a TEACHER_PASSCODE shorter than 8 characters in one line', async () => {
  const result = spawnSync(process.execPath, [startCommand, 'start'], {
    cwd: teachDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATABASE_URL: join(dir, 'short.db'),
      TEACHER_PASSCODE: 'abc123',
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(
    'coursekit cannot start: TEACHER_PASSCODE is 6 characters long, but it must have at least 8: set a ' +
      'longer one (such as four random words), or unset it to have the app generate one.',
  );
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('ConfigurationError');
});
