// The teacher's side of a class: per class and quiz settings (dates, late policy, review options), extra
// attempts per student, and the marks and score overrides of submitted attempts (append-only: the audit
// trail). Only new tables, so existing class data is untouched.
export const teaching = {
  version: 3,
  name: 'teaching',
  sql: `
CREATE TABLE quiz_settings (
  class_id TEXT NOT NULL REFERENCES classes (id),
  quiz_id TEXT NOT NULL,
  opens_at INTEGER,
  due_at INTEGER,
  late_policy TEXT NOT NULL CHECK (late_policy IN ('refuse', 'mark-late')),
  review TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (class_id, quiz_id)
) STRICT;

CREATE TABLE attempt_allowances (
  class_id TEXT NOT NULL REFERENCES classes (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  quiz_id TEXT NOT NULL,
  extra_attempts INTEGER NOT NULL CHECK (extra_attempts >= 0),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (student_id, quiz_id)
) STRICT;
CREATE INDEX attempt_allowances_by_class ON attempt_allowances (class_id);

CREATE TABLE question_grades (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  attempt_id TEXT NOT NULL REFERENCES attempts (id),
  class_id TEXT REFERENCES classes (id),
  question_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mark', 'override')),
  score REAL NOT NULL,
  feedback TEXT,
  reason TEXT,
  rubric TEXT,
  teacher TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX question_grades_by_attempt ON question_grades (attempt_id, seq);
CREATE INDEX question_grades_by_class ON question_grades (class_id, seq);
`,
} as const;
