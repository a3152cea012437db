// The same tables as SQLite's migration 005: student identifiers, removed students, archived classes.
export const roster = {
  version: 4,
  name: 'roster',
  sql: `
CREATE TABLE student_roster (
  student_id TEXT PRIMARY KEY REFERENCES students (id),
  class_id TEXT NOT NULL REFERENCES classes (id),
  identifier TEXT,
  removed_at BIGINT
);
CREATE UNIQUE INDEX student_roster_identifier ON student_roster (class_id, identifier) WHERE identifier IS NOT NULL;

CREATE TABLE class_state (
  class_id TEXT PRIMARY KEY REFERENCES classes (id),
  archived_at BIGINT
);
`,
} as const;
