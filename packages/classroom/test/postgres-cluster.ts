// A real PostgreSQL server for tests: COURSEKIT_TEST_POSTGRES_URL when it is set, else a throwaway cluster
// started from the PostgreSQL binaries on this machine (initdb, pg_ctl) on a free loopback port with its
// socket in a temp folder, removed again by `stop()`. As root, the server runs as the `postgres` user.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestPostgres {
  /** A connection string for `database` on this server. */
  url(database: string): string;
  /** Creates an empty database with a fresh name and returns its connection string. */
  createDatabase(): Promise<string>;
  dropDatabase(url: string): Promise<void>;
  stop(): Promise<void>;
}

/** The folder of `initdb` and `pg_ctl`: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

let databases = 0;

function withAdmin(adminUrl: string) {
  return async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
}

function server(baseUrl: string, stop: () => Promise<void>): TestPostgres {
  const url = (database: string) => {
    const parsed = new URL(baseUrl);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  };
  const admin = withAdmin(url('postgres'));
  return {
    url,
    async createDatabase() {
      const name = `coursekit_test_${process.pid}_${Date.now().toString(36)}_${++databases}`;
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      return url(name);
    },
    async dropDatabase(databaseUrl) {
      const name = new URL(databaseUrl).pathname.slice(1);
      if (!/^coursekit_test_\w+$/.test(name)) return;
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
    stop,
  };
}

/** Starts (or connects to) the test server; call `stop()` in teardown. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.COURSEKIT_TEST_POSTGRES_URL;
  if (given) return server(given, async () => {});

  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL is needed for these tests: install it (Debian: apt-get install postgresql, or ' +
        '`npm run setup -- --browser`), set PG_BIN to the folder of initdb and pg_ctl, or set ' +
        'COURSEKIT_TEST_POSTGRES_URL to a server the tests may create databases on.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'coursekit-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  mkdirSync(data);
  mkdirSync(socket);
  const asRoot = process.getuid?.() === 0;
  const asPostgres = async (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    try {
      return await run(file, argv, { cwd: dir });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${command} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    for (const path of [dir, data, socket]) chownSync(path, Number(stdout.trim()), Number(group.trim()));
  }
  const port = await freePort();
  await asPostgres(join(bin, 'initdb'), [
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-locale',
    '-D',
    data,
  ]);
  await asPostgres(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c max_connections=300`,
    '-w',
    'start',
  ]);
  let stopped = false;
  return server(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => {
    if (stopped) return;
    stopped = true;
    await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });
}
