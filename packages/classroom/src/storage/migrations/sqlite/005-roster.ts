// Roster: a school identifier per student, removed students, archived classes. New tables beside
// `students` and `classes`, so existing rows and queries are untouched.
export const roster = {
  version: 5,
  name: 'roster',
  sql: `
CREATE TABLE student_roster (
  student_id TEXT PRIMARY KEY REFERENCES students (id),
  class_id TEXT NOT NULL REFERENCES classes (id),
  identifier TEXT,
  removed_at INTEGER
) STRICT;
CREATE UNIQUE INDEX student_roster_identifier ON student_roster (class_id, identifier) WHERE identifier IS NOT NULL;

CREATE TABLE class_state (
  class_id TEXT PRIMARY KEY REFERENCES classes (id),
  archived_at INTEGER
) STRICT;
`,
} as const;
