// The same tables as SQLite's migration 003: per class and quiz settings, extra attempts per student, and
// the append-only marks and score overrides of submitted attempts.
export const teaching = {
  version: 2,
  name: 'teaching',
  sql: `
CREATE TABLE quiz_settings (
  class_id TEXT NOT NULL REFERENCES classes (id),
  quiz_id TEXT NOT NULL,
  opens_at BIGINT,
  due_at BIGINT,
  late_policy TEXT NOT NULL CHECK (late_policy IN ('refuse', 'mark-late')),
  review JSONB,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (class_id, quiz_id)
);

CREATE TABLE attempt_allowances (
  class_id TEXT NOT NULL REFERENCES classes (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  quiz_id TEXT NOT NULL,
  extra_attempts INTEGER NOT NULL CHECK (extra_attempts >= 0),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (student_id, quiz_id)
);
CREATE INDEX attempt_allowances_by_class ON attempt_allowances (class_id);

CREATE TABLE question_grades (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  attempt_id TEXT NOT NULL REFERENCES attempts (id),
  class_id TEXT REFERENCES classes (id),
  question_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mark', 'override')),
  score DOUBLE PRECISION NOT NULL,
  feedback TEXT,
  reason TEXT,
  rubric JSONB,
  teacher TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX question_grades_by_attempt ON question_grades (attempt_id, seq);
CREATE INDEX question_grades_by_class ON question_grades (class_id, seq);
`,
} as const;
