// The same tables as SQLite's migration 006: teacher accounts, invites, the teacher of a session, re-opened
// attempts.
export const teachers = {
  version: 5,
  name: 'teachers',
  sql: `
CREATE TABLE teachers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'teacher')),
  password_hash TEXT,
  invited_by TEXT,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE TABLE teacher_invites (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL REFERENCES teachers (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  used_by TEXT REFERENCES teachers (id),
  revoked_at BIGINT
);

ALTER TABLE sessions ADD COLUMN teacher_id TEXT;
CREATE INDEX sessions_teacher ON sessions (teacher_id) WHERE teacher_id IS NOT NULL;

CREATE TABLE attempt_reopens (
  id TEXT PRIMARY KEY,
  attempt_id TEXT NOT NULL REFERENCES attempts (id),
  class_id TEXT,
  student_id TEXT NOT NULL,
  quiz_id TEXT NOT NULL,
  draft_attempt_number BIGINT NOT NULL,
  extra_attempts BIGINT NOT NULL,
  reason TEXT,
  teacher TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX attempt_reopens_class ON attempt_reopens (class_id, created_at);
`,
} as const;
