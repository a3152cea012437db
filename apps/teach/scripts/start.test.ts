import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const startScript = fileURLToPath(new URL('./start.mjs', import.meta.url));
let occupier: Server | undefined;

afterEach(async () => {
  await new Promise((done) => (occupier ? occupier.close(() => done(undefined)) : done(undefined)));
  occupier = undefined;
});

describe('pnpm start (scripts/start.mjs)', () => {
  it('refuses a busy port plainly instead of claiming to serve the course', async () => {
    occupier = createServer();
    const port = await new Promise<number>((done) =>
      occupier?.listen(0, '127.0.0.1', () => {
        const address = occupier?.address();
        done(typeof address === 'object' && address ? address.port : 0);
      }),
    );
    const result = spawnSync(process.execPath, [startScript], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`another program is already listening on 127.0.0.1:${port}`);
    expect(result.stderr).toContain('PORT=3001 pnpm start');
    expect(result.stdout).not.toContain('is serving the course');
  });
});
