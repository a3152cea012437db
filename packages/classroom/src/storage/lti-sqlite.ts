// The LTI repository on SQLite. Writes that must be first-writer-wins use INSERT … ON CONFLICT DO NOTHING
// and read back, so two instances sharing the file agree.
import type Database from 'better-sqlite3';
import {
  scoreTargetSelect,
  toLtiContext,
  toLtiKey,
  toLtiLoginState,
  toLtiPlatform,
  toLtiUser,
  toScoreTarget,
} from './lti-records';
import type { LtiRepository } from './lti-types';
import type { Row } from './records';

export function sqliteLtiRepository(db: Database.Database, assertWritable: () => void): LtiRepository {
  const statements = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const listKeys = () =>
    (stmt('SELECT * FROM lti_keys ORDER BY created_at DESC, kid DESC').all() as Row[]).map(toLtiKey);
  const insertKey = (key: Parameters<LtiRepository['addFirstKey']>[0]) =>
    stmt(
      'INSERT INTO lti_keys (kid, private_jwk, public_jwk, created_at, retired_at) VALUES (?, ?, ?, ?, ?)',
    ).run(key.kid, key.privateJwk, key.publicJwk, key.createdAt, key.retiredAt);

  return {
    async listKeys() {
      return listKeys();
    },
    async addFirstKey(key) {
      assertWritable();
      return db
        .transaction(() => {
          if (!stmt('SELECT 1 FROM lti_keys LIMIT 1').get()) insertKey(key);
          return listKeys();
        })
        .immediate();
    },
    async rotateKey(key, at) {
      assertWritable();
      db.transaction(() => {
        stmt('UPDATE lti_keys SET retired_at = ? WHERE retired_at IS NULL').run(at);
        insertKey(key);
      }).immediate();
    },
    async savePlatform(record) {
      assertWritable();
      stmt(
        `INSERT INTO lti_platforms (id, issuer, client_id, authorization_endpoint, token_endpoint,
           token_audience, jwks_uri, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (issuer, client_id) DO UPDATE SET authorization_endpoint = excluded.authorization_endpoint,
           token_endpoint = excluded.token_endpoint, token_audience = excluded.token_audience,
           jwks_uri = excluded.jwks_uri, name = excluded.name`,
      ).run(
        record.id,
        record.issuer,
        record.clientId,
        record.authorizationEndpoint,
        record.tokenEndpoint,
        record.tokenAudience,
        record.jwksUri,
        record.name,
        record.createdAt,
      );
      const row = stmt('SELECT * FROM lti_platforms WHERE issuer = ? AND client_id = ?').get(
        record.issuer,
        record.clientId,
      ) as Row;
      return toLtiPlatform(row);
    },
    async getPlatform(id) {
      const row = stmt('SELECT * FROM lti_platforms WHERE id = ?').get(id) as Row | undefined;
      return row ? toLtiPlatform(row) : undefined;
    },
    async findPlatforms(issuer) {
      const rows = stmt('SELECT * FROM lti_platforms WHERE issuer = ? ORDER BY created_at, id').all(
        issuer,
      ) as Row[];
      return rows.map(toLtiPlatform);
    },
    async addDeployment(platformId, deploymentId, at) {
      assertWritable();
      stmt(
        `INSERT INTO lti_deployments (platform_id, deployment_id, created_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ).run(platformId, deploymentId, at);
    },
    async hasDeployment(platformId, deploymentId) {
      return (
        stmt('SELECT 1 FROM lti_deployments WHERE platform_id = ? AND deployment_id = ?').get(
          platformId,
          deploymentId,
        ) !== undefined
      );
    },
    async saveLoginState(record) {
      assertWritable();
      db.transaction(() => {
        stmt('DELETE FROM lti_login_states WHERE expires_at <= ?').run(record.createdAt);
        stmt(
          `INSERT INTO lti_login_states (state, nonce, platform_id, storage_target, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(
          record.state,
          record.nonce,
          record.platformId,
          record.storageTarget,
          record.createdAt,
          record.expiresAt,
        );
      }).immediate();
    },
    async getLoginState(state, now) {
      const row = stmt('SELECT * FROM lti_login_states WHERE state = ? AND expires_at > ?').get(state, now) as
        | Row
        | undefined;
      return row ? toLtiLoginState(row) : undefined;
    },
    async takeLoginState(state, now) {
      assertWritable();
      const row = stmt('DELETE FROM lti_login_states WHERE state = ? RETURNING *').get(state) as
        | Row
        | undefined;
      if (!row) return undefined;
      const record = toLtiLoginState(row);
      return record.expiresAt > now ? record : undefined;
    },
    async claimNonce(platformId, nonce, expiresAt, now) {
      assertWritable();
      return db
        .transaction(() => {
          stmt('DELETE FROM lti_nonces WHERE expires_at <= ?').run(now);
          const inserted = stmt(
            `INSERT INTO lti_nonces (platform_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
          ).run(platformId, nonce, expiresAt);
          return inserted.changes === 1;
        })
        .immediate();
    },
    async linkContext(record) {
      assertWritable();
      stmt(
        `INSERT INTO lti_contexts (platform_id, context_id, class_id, title) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ).run(record.platformId, record.contextId, record.classId, record.title);
      return toLtiContext(
        stmt('SELECT * FROM lti_contexts WHERE platform_id = ? AND context_id = ?').get(
          record.platformId,
          record.contextId,
        ) as Row,
      );
    },
    async findContext(platformId, contextId) {
      const row = stmt('SELECT * FROM lti_contexts WHERE platform_id = ? AND context_id = ?').get(
        platformId,
        contextId,
      ) as Row | undefined;
      return row ? toLtiContext(row) : undefined;
    },
    async findUser(platformId, sub, classId) {
      const row = stmt('SELECT * FROM lti_users WHERE platform_id = ? AND sub = ? AND class_id = ?').get(
        platformId,
        sub,
        classId,
      ) as Row | undefined;
      return row ? toLtiUser(row) : undefined;
    },
    async linkUser(record) {
      assertWritable();
      stmt(
        `INSERT INTO lti_users (platform_id, sub, class_id, student_id) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ).run(record.platformId, record.sub, record.classId, record.studentId);
      return toLtiUser(
        stmt('SELECT * FROM lti_users WHERE platform_id = ? AND sub = ? AND class_id = ?').get(
          record.platformId,
          record.sub,
          record.classId,
        ) as Row,
      );
    },
    async saveResourceLink(record) {
      assertWritable();
      stmt(
        `INSERT INTO lti_resource_links (platform_id, deployment_id, context_id, resource_link_id, class_id,
           quiz_id, line_item_url, line_items_url, ags_scopes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform_id, deployment_id, context_id, resource_link_id) DO UPDATE SET
           class_id = excluded.class_id, quiz_id = excluded.quiz_id,
           line_item_url = COALESCE(excluded.line_item_url, lti_resource_links.line_item_url),
           line_items_url = COALESCE(excluded.line_items_url, lti_resource_links.line_items_url),
           ags_scopes = excluded.ags_scopes, updated_at = excluded.updated_at`,
      ).run(
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
      );
    },
    async scoreTargets(studentId, quizId) {
      const rows = stmt(
        `${scoreTargetSelect} WHERE u.student_id = ? AND l.quiz_id = ? AND l.line_item_url IS NOT NULL
           ORDER BY l.platform_id, l.resource_link_id`,
      ).all(studentId, quizId) as Row[];
      return rows.map(toScoreTarget);
    },
  };
}
