// Named teacher accounts (the owner, who logs in with the teacher passcode, and invited teachers with a
// password), one-time invites (only a hash of the link's token is kept), which teacher a session belongs
// to (null on older rows: the owner), and the audit of re-opened attempts.
export const teachers = {
  version: 6,
  name: 'teachers',
  sql: `
CREATE TABLE teachers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'teacher')),
  password_hash TEXT,
  invited_by TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE TABLE teacher_invites (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL REFERENCES teachers (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  used_by TEXT REFERENCES teachers (id),
  revoked_at INTEGER
) STRICT;

ALTER TABLE sessions ADD COLUMN teacher_id TEXT;
CREATE INDEX sessions_teacher ON sessions (teacher_id) WHERE teacher_id IS NOT NULL;

CREATE TABLE attempt_reopens (
  id TEXT PRIMARY KEY,
  attempt_id TEXT NOT NULL REFERENCES attempts (id),
  class_id TEXT,
  student_id TEXT NOT NULL,
  quiz_id TEXT NOT NULL,
  draft_attempt_number INTEGER NOT NULL,
  extra_attempts INTEGER NOT NULL,
  reason TEXT,
  teacher TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX attempt_reopens_class ON attempt_reopens (class_id, created_at);
`,
} as const;
