// LTI 1.3: the tool's signing keys, registered platforms and deployments, single-use login states and
// nonces, and the mapping of LMS courses, users and resource links onto classes, students and quizzes.
export const lti = {
  version: 4,
  name: 'lti',
  sql: `
CREATE TABLE lti_keys (
  kid TEXT PRIMARY KEY,
  private_jwk TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
) STRICT;

CREATE TABLE lti_platforms (
  id TEXT PRIMARY KEY,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  authorization_endpoint TEXT NOT NULL,
  token_endpoint TEXT NOT NULL,
  token_audience TEXT NOT NULL,
  jwks_uri TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (issuer, client_id)
) STRICT;

CREATE TABLE lti_deployments (
  platform_id TEXT NOT NULL REFERENCES lti_platforms (id),
  deployment_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (platform_id, deployment_id)
) STRICT;

CREATE TABLE lti_login_states (
  state TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  platform_id TEXT NOT NULL REFERENCES lti_platforms (id),
  storage_target TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX lti_login_states_expiry ON lti_login_states (expires_at);

CREATE TABLE lti_nonces (
  platform_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (platform_id, nonce)
) STRICT;

CREATE TABLE lti_contexts (
  platform_id TEXT NOT NULL REFERENCES lti_platforms (id),
  context_id TEXT NOT NULL,
  class_id TEXT NOT NULL REFERENCES classes (id),
  title TEXT NOT NULL,
  PRIMARY KEY (platform_id, context_id)
) STRICT;

CREATE TABLE lti_users (
  platform_id TEXT NOT NULL REFERENCES lti_platforms (id),
  sub TEXT NOT NULL,
  class_id TEXT NOT NULL REFERENCES classes (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  PRIMARY KEY (platform_id, sub, class_id)
) STRICT;
CREATE INDEX lti_users_student ON lti_users (student_id);

CREATE TABLE lti_resource_links (
  platform_id TEXT NOT NULL REFERENCES lti_platforms (id),
  deployment_id TEXT NOT NULL,
  context_id TEXT NOT NULL,
  resource_link_id TEXT NOT NULL,
  class_id TEXT NOT NULL REFERENCES classes (id),
  quiz_id TEXT,
  line_item_url TEXT,
  line_items_url TEXT,
  ags_scopes TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (platform_id, deployment_id, context_id, resource_link_id)
) STRICT;
CREATE INDEX lti_resource_links_quiz ON lti_resource_links (class_id, quiz_id);
`,
} as const;
