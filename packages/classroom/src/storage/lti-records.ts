// Row readers for the LTI tables, shared by both engines.
import type {
  LtiContextRecord,
  LtiKeyRecord,
  LtiLoginStateRecord,
  LtiPlatformRecord,
  LtiResourceLinkRecord,
  LtiUserRecord,
} from './lti-types';
import { num, optionalText, type Row, text } from './records';

export function toLtiKey(row: Row): LtiKeyRecord {
  return {
    kid: text(row.kid),
    privateJwk: text(row.private_jwk),
    publicJwk: text(row.public_jwk),
    createdAt: num(row.created_at),
    retiredAt: row.retired_at === null || row.retired_at === undefined ? null : num(row.retired_at),
  };
}

export function toLtiPlatform(row: Row): LtiPlatformRecord {
  return {
    id: text(row.id),
    issuer: text(row.issuer),
    clientId: text(row.client_id),
    authorizationEndpoint: text(row.authorization_endpoint),
    tokenEndpoint: text(row.token_endpoint),
    tokenAudience: text(row.token_audience),
    jwksUri: text(row.jwks_uri),
    name: text(row.name),
    createdAt: num(row.created_at),
  };
}

export function toLtiLoginState(row: Row): LtiLoginStateRecord {
  return {
    state: text(row.state),
    nonce: text(row.nonce),
    platformId: text(row.platform_id),
    storageTarget: optionalText(row.storage_target),
    createdAt: num(row.created_at),
    expiresAt: num(row.expires_at),
  };
}

export function toLtiContext(row: Row): LtiContextRecord {
  return {
    platformId: text(row.platform_id),
    contextId: text(row.context_id),
    classId: text(row.class_id),
    title: text(row.title),
  };
}

export function toLtiUser(row: Row): LtiUserRecord {
  return {
    platformId: text(row.platform_id),
    sub: text(row.sub),
    studentId: text(row.student_id),
    classId: text(row.class_id),
  };
}

export function toLtiResourceLink(row: Row): LtiResourceLinkRecord {
  return {
    platformId: text(row.platform_id),
    deploymentId: text(row.deployment_id),
    contextId: text(row.context_id),
    resourceLinkId: text(row.resource_link_id),
    classId: text(row.class_id),
    quizId: optionalText(row.quiz_id),
    lineItemUrl: optionalText(row.line_item_url),
    lineItemsUrl: optionalText(row.line_items_url),
    agsScopes: text(row.ags_scopes),
    updatedAt: num(row.updated_at),
  };
}

/** Columns of a score-target query: the link's, its platform's (prefixed `p_`) and the user's `sub`. */
export const scoreTargetSelect = `SELECT l.*, u.sub AS user_sub,
    p.id AS p_id, p.issuer AS p_issuer, p.client_id AS p_client_id,
    p.authorization_endpoint AS p_authorization_endpoint, p.token_endpoint AS p_token_endpoint,
    p.token_audience AS p_token_audience, p.jwks_uri AS p_jwks_uri, p.name AS p_name,
    p.created_at AS p_created_at
  FROM lti_users u
  JOIN lti_resource_links l ON l.platform_id = u.platform_id AND l.class_id = u.class_id
  JOIN lti_platforms p ON p.id = l.platform_id`;

export function toScoreTarget(row: Row) {
  const platformRow: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('p_')) platformRow[key.slice(2)] = value;
  }
  return { platform: toLtiPlatform(platformRow), userId: text(row.user_sub), link: toLtiResourceLink(row) };
}
