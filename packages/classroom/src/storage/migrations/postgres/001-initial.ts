// The PostgreSQL schema, the same tables as SQLite's migrations 001 and 002 lead to. Times are
// milliseconds since the Unix epoch (BIGINT); steps are JSONB.
export const initial = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE classes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE students (
  id TEXT PRIMARY KEY,
  class_id TEXT NOT NULL REFERENCES classes (id),
  display_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  resume_code_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  CONSTRAINT students_class_name_key UNIQUE (class_id, name_key)
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('teacher', 'student')),
  student_id TEXT REFERENCES students (id),
  class_id TEXT REFERENCES classes (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  learner_id TEXT NOT NULL,
  student_id TEXT REFERENCES students (id),
  class_id TEXT REFERENCES classes (id),
  quiz_id TEXT NOT NULL,
  attempt_number INTEGER NOT NULL CHECK (attempt_number >= 1),
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  seed TEXT NOT NULL,
  steps JSONB NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  max_score DOUBLE PRECISION NOT NULL,
  percent DOUBLE PRECISION NOT NULL,
  passed BOOLEAN NOT NULL,
  submitted_at BIGINT NOT NULL,
  CONSTRAINT attempts_idempotency_key UNIQUE (learner_id, quiz_id, idempotency_key),
  CONSTRAINT attempts_number UNIQUE (learner_id, quiz_id, attempt_number)
);
CREATE INDEX attempts_by_class ON attempts (class_id, quiz_id);

CREATE TABLE attempt_items (
  attempt_id TEXT NOT NULL REFERENCES attempts (id),
  question_id TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  max_score DOUBLE PRECISION NOT NULL,
  correct BOOLEAN NOT NULL,
  answer TEXT,
  PRIMARY KEY (attempt_id, question_id)
);

CREATE TABLE open_attempts (
  learner_id TEXT NOT NULL,
  quiz_id TEXT NOT NULL,
  attempt_number INTEGER NOT NULL,
  seed TEXT NOT NULL,
  steps JSONB NOT NULL,
  revision INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (learner_id, quiz_id)
);

CREATE TABLE completions (
  learner_id TEXT NOT NULL,
  student_id TEXT REFERENCES students (id),
  class_id TEXT REFERENCES classes (id),
  lesson_id TEXT NOT NULL,
  completed_at BIGINT NOT NULL,
  PRIMARY KEY (learner_id, lesson_id)
);
CREATE INDEX completions_by_class ON completions (class_id);

CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  count INTEGER NOT NULL
);
`,
} as const;
