// The LTI repository on PostgreSQL: first-writer-wins inserts use ON CONFLICT DO NOTHING and read back,
// so any number of instances agree; single-use rows are removed with DELETE … RETURNING.
import type pg from 'pg';
import {
  scoreTargetSelect,
  toLtiContext,
  toLtiKey,
  toLtiLoginState,
  toLtiPlatform,
  toLtiUser,
  toScoreTarget,
} from './lti-records';
import type { LtiKeyRecord, LtiRepository } from './lti-types';
import type { Row } from './records';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

export function postgresLtiRepository(pool: pg.Pool): LtiRepository {
  const all = async (sql: string, values: unknown[] = [], db: Queryable = pool) =>
    (await db.query(sql, values)).rows as Row[];
  const one = async (sql: string, values: unknown[] = [], db: Queryable = pool) =>
    (await all(sql, values, db))[0];
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await work(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const listKeys = async (db: Queryable = pool) =>
    (await all('SELECT * FROM lti_keys ORDER BY created_at DESC, kid DESC', [], db)).map(toLtiKey);
  const insertKey = (key: LtiKeyRecord, db: Queryable) =>
    db.query(
      'INSERT INTO lti_keys (kid, private_jwk, public_jwk, created_at, retired_at) VALUES ($1, $2, $3, $4, $5)',
      [key.kid, key.privateJwk, key.publicJwk, key.createdAt, key.retiredAt],
    );
  // Key writes are rare; one table lock orders them across instances.
  const lockKeys = (client: pg.PoolClient) => client.query('LOCK TABLE lti_keys IN EXCLUSIVE MODE');

  return {
    listKeys: () => listKeys(),
    addFirstKey: (key) =>
      transaction(async (client) => {
        await lockKeys(client);
        if (!(await one('SELECT 1 FROM lti_keys LIMIT 1', [], client))) await insertKey(key, client);
        return listKeys(client);
      }),
    rotateKey: (key, at) =>
      transaction(async (client) => {
        await lockKeys(client);
        await client.query('UPDATE lti_keys SET retired_at = $1 WHERE retired_at IS NULL', [at]);
        await insertKey(key, client);
      }),
    async savePlatform(record) {
      const row = await one(
        `INSERT INTO lti_platforms (id, issuer, client_id, authorization_endpoint, token_endpoint,
           token_audience, jwks_uri, name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (issuer, client_id) DO UPDATE SET authorization_endpoint = excluded.authorization_endpoint,
           token_endpoint = excluded.token_endpoint, token_audience = excluded.token_audience,
           jwks_uri = excluded.jwks_uri, name = excluded.name
         RETURNING *`,
        [
          record.id,
          record.issuer,
          record.clientId,
          record.authorizationEndpoint,
          record.tokenEndpoint,
          record.tokenAudience,
          record.jwksUri,
          record.name,
          record.createdAt,
        ],
      );
      return toLtiPlatform(row as Row);
    },
    async getPlatform(id) {
      const row = await one('SELECT * FROM lti_platforms WHERE id = $1', [id]);
      return row ? toLtiPlatform(row) : undefined;
    },
    async findPlatforms(issuer) {
      return (
        await all('SELECT * FROM lti_platforms WHERE issuer = $1 ORDER BY created_at, id', [issuer])
      ).map(toLtiPlatform);
    },
    async addDeployment(platformId, deploymentId, at) {
      await pool.query(
        `INSERT INTO lti_deployments (platform_id, deployment_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [platformId, deploymentId, at],
      );
    },
    async hasDeployment(platformId, deploymentId) {
      return (
        (await one('SELECT 1 FROM lti_deployments WHERE platform_id = $1 AND deployment_id = $2', [
          platformId,
          deploymentId,
        ])) !== undefined
      );
    },
    async saveLoginState(record) {
      await pool.query('DELETE FROM lti_login_states WHERE expires_at <= $1', [record.createdAt]);
      await pool.query(
        `INSERT INTO lti_login_states (state, nonce, platform_id, storage_target, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          record.state,
          record.nonce,
          record.platformId,
          record.storageTarget,
          record.createdAt,
          record.expiresAt,
        ],
      );
    },
    async getLoginState(state, now) {
      const row = await one('SELECT * FROM lti_login_states WHERE state = $1 AND expires_at > $2', [
        state,
        now,
      ]);
      return row ? toLtiLoginState(row) : undefined;
    },
    async takeLoginState(state, now) {
      const row = await one('DELETE FROM lti_login_states WHERE state = $1 RETURNING *', [state]);
      if (!row) return undefined;
      const record = toLtiLoginState(row);
      return record.expiresAt > now ? record : undefined;
    },
    async claimNonce(platformId, nonce, expiresAt, now) {
      await pool.query('DELETE FROM lti_nonces WHERE expires_at <= $1', [now]);
      const result = await pool.query(
        `INSERT INTO lti_nonces (platform_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [platformId, nonce, expiresAt],
      );
      return result.rowCount === 1;
    },
    async linkContext(record) {
      await pool.query(
        `INSERT INTO lti_contexts (platform_id, context_id, class_id, title) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [record.platformId, record.contextId, record.classId, record.title],
      );
      return toLtiContext(
        (await one('SELECT * FROM lti_contexts WHERE platform_id = $1 AND context_id = $2', [
          record.platformId,
          record.contextId,
        ])) as Row,
      );
    },
    async findContext(platformId, contextId) {
      const row = await one('SELECT * FROM lti_contexts WHERE platform_id = $1 AND context_id = $2', [
        platformId,
        contextId,
      ]);
      return row ? toLtiContext(row) : undefined;
    },
    async findUser(platformId, sub, classId) {
      const row = await one('SELECT * FROM lti_users WHERE platform_id = $1 AND sub = $2 AND class_id = $3', [
        platformId,
        sub,
        classId,
      ]);
      return row ? toLtiUser(row) : undefined;
    },
    async linkUser(record) {
      await pool.query(
        `INSERT INTO lti_users (platform_id, sub, class_id, student_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [record.platformId, record.sub, record.classId, record.studentId],
      );
      return toLtiUser(
        (await one('SELECT * FROM lti_users WHERE platform_id = $1 AND sub = $2 AND class_id = $3', [
          record.platformId,
          record.sub,
          record.classId,
        ])) as Row,
      );
    },
    async saveResourceLink(record) {
      await pool.query(
        `INSERT INTO lti_resource_links (platform_id, deployment_id, context_id, resource_link_id, class_id,
           quiz_id, line_item_url, line_items_url, ags_scopes, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (platform_id, deployment_id, context_id, resource_link_id) DO UPDATE SET
           class_id = excluded.class_id, quiz_id = excluded.quiz_id,
           line_item_url = COALESCE(excluded.line_item_url, lti_resource_links.line_item_url),
           line_items_url = COALESCE(excluded.line_items_url, lti_resource_links.line_items_url),
           ags_scopes = excluded.ags_scopes, updated_at = excluded.updated_at`,
        [
          record.platformId,
          record.deploymentId,
          record.contextId,
          record.resourceLinkId,
          record.classId,
          record.quizId,
          record.lineItemUrl,
          record.lineItemsUrl,
          record.agsScopes,
          record.updatedAt,
        ],
      );
    },
    async scoreTargets(studentId, quizId) {
      const rows = await all(
        `${scoreTargetSelect} WHERE u.student_id = $1 AND l.quiz_id = $2 AND l.line_item_url IS NOT NULL
           ORDER BY l.platform_id, l.resource_link_id`,
        [studentId, quizId],
      );
      return rows.map(toScoreTarget);
    },
  };
}
