import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const startScript = fileURLToPath(new URL('../bin/coursekit-next.mjs', import.meta.url));
let occupier: Server | undefined;

afterEach(async () => {
  await new Promise((done) => (occupier ? occupier.close(() => done(undefined)) : done(undefined)));
  occupier = undefined;
});

describe('coursekit-next start', () => {
  it('refuses a busy port plainly instead of claiming to serve the course', async () => {
    occupier = createServer();
    const port = await new Promise<number>((done) =>
      occupier?.listen(0, '127.0.0.1', () => {
        const address = occupier?.address();
        done(typeof address === 'object' && address ? address.port : 0);
      }),
    );
    const result = spawnSync(process.execPath, [startScript, 'start'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', npm_config_user_agent: 'pnpm/12.4.2' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`another program is already listening on 127.0.0.1:${port}`);
    expect(result.stderr).toContain('PORT=3001 pnpm start');
    expect(result.stdout).not.toContain('is serving the course');
  });

  it('takes --hostname and --port as next start does, and refuses a port that is not a number', () => {
    const result = spawnSync(
      process.execPath,
      [startScript, 'start', '--hostname', '127.0.0.1', '--port', 'eighty'],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("'eighty' is not a port number");
  });

  it('names its commands when given another', () => {
    const result = spawnSync(process.execPath, [startScript, 'serve'], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'serve'");
    expect(result.stderr).toContain('usage: coursekit-next start');
  });
});
