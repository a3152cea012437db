// Classes, students, sessions, attempts (with per-question items for item analysis), open attempt
// state, lesson completions, settings (generated secrets) and rate-limit counters.
export const initial = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE classes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE students (
  id TEXT PRIMARY KEY,
  class_id TEXT NOT NULL REFERENCES classes (id),
  display_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  resume_code_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  UNIQUE (class_id, name_key)
) STRICT;

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('teacher', 'student')),
  student_id TEXT REFERENCES students (id),
  class_id TEXT REFERENCES classes (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  learner_id TEXT NOT NULL,
  student_id TEXT REFERENCES students (id),
  class_id TEXT REFERENCES classes (id),
  quiz_id TEXT NOT NULL,
  attempt_number INTEGER NOT NULL CHECK (attempt_number >= 1),
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL,
  result TEXT NOT NULL,
  score REAL NOT NULL,
  max_score REAL NOT NULL,
  percent REAL NOT NULL,
  passed INTEGER NOT NULL,
  submitted_at INTEGER NOT NULL,
  UNIQUE (learner_id, quiz_id, idempotency_key),
  UNIQUE (learner_id, quiz_id, attempt_number)
) STRICT;
CREATE INDEX attempts_by_class ON attempts (class_id, quiz_id);

CREATE TABLE attempt_items (
  attempt_id TEXT NOT NULL REFERENCES attempts (id),
  question_id TEXT NOT NULL,
  score REAL NOT NULL,
  max_score REAL NOT NULL,
  correct INTEGER NOT NULL,
  answer TEXT,
  PRIMARY KEY (attempt_id, question_id)
) STRICT;

CREATE TABLE open_attempts (
  learner_id TEXT NOT NULL,
  quiz_id TEXT NOT NULL,
  attempt_number INTEGER NOT NULL,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (learner_id, quiz_id)
) STRICT;

CREATE TABLE completions (
  learner_id TEXT NOT NULL,
  student_id TEXT REFERENCES students (id),
  class_id TEXT REFERENCES classes (id),
  lesson_id TEXT NOT NULL,
  completed_at INTEGER NOT NULL,
  PRIMARY KEY (learner_id, lesson_id)
) STRICT;
CREATE INDEX completions_by_class ON completions (class_id);

CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
) STRICT;
`,
} as const;
