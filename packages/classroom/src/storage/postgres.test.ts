import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../test/postgres-cluster';
import { storeConformance } from './conformance';
import { teachersConformance } from './conformance-teachers';
import { teachingConformance } from './conformance-teaching';
import { ltiConformance } from './lti-conformance';
import { migratePostgres, PostgresStore } from './postgres';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const postgresqlEngine = {
  async freshDatabase() {
    const url = await server.createDatabase();
    return { open: () => PostgresStore.open(url), drop: () => server.dropDatabase(url) };
  },
};
storeConformance('PostgreSQL', postgresqlEngine);
teachingConformance('PostgreSQL', postgresqlEngine);
teachersConformance('PostgreSQL', postgresqlEngine);
ltiConformance('PostgreSQL', postgresqlEngine);

describe('PostgreSQL migrations', () => {
  it('migrates an empty database once, also when two instances start together', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    const { rows } = await a.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'teaching' },
      { version: 3, name: 'lti' },
      { version: 4, name: 'roster' },
      { version: 5, name: 'teachers' },
    ]);
    expect(await migratePostgres(b.pool)).toEqual([]);
    await a.close();
    await b.close();
    await server.dropDatabase(url);
  });

  it('refuses a database written by a newer version', async () => {
    const url = await server.createDatabase();
    const store = await PostgresStore.open(url);
    await store.pool.query("INSERT INTO schema_migrations VALUES (99, 'future', 0)");
    await store.close();
    await expect(PostgresStore.open(url)).rejects.toThrow(/schema version 99, newer than this version/);
    await server.dropDatabase(url);
  });

  it('says which server it could not reach, without the password', async () => {
    await expect(PostgresStore.open('postgres://teacher:hunter2@127.0.0.1:1/none')).rejects.toThrow(
      /Cannot use the PostgreSQL database postgres:\/\/teacher@127\.0\.0\.1:1\/none \(.*\)\. Check DATABASE_URL\./,
    );
  });
});
