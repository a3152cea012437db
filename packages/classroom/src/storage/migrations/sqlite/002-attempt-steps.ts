// Attempts become the quiz engine's own record: the learner's seed and the steps that `replayAttempt`
// rebuilds the attempt from, instead of a serialised state and result. Existing rows keep their data: the
// steps and the seed are taken out of the stored state. Open attempts gain a revision, so that a writer
// can tell that another request changed the attempt while it was grading.
export const attemptSteps = {
  version: 2,
  name: 'attempt-steps',
  sql: `
ALTER TABLE attempts ADD COLUMN seed TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
UPDATE attempts SET
  seed = substr(json_extract(state, '$.seed'), 1, instr(json_extract(state, '$.seed'), '#') - 1),
  steps = json_extract(state, '$.steps');
ALTER TABLE attempts DROP COLUMN state;
ALTER TABLE attempts DROP COLUMN result;

ALTER TABLE open_attempts ADD COLUMN seed TEXT NOT NULL DEFAULT '';
ALTER TABLE open_attempts ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
ALTER TABLE open_attempts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
UPDATE open_attempts SET
  seed = substr(json_extract(state, '$.seed'), 1, instr(json_extract(state, '$.seed'), '#') - 1),
  steps = json_extract(state, '$.steps');
ALTER TABLE open_attempts DROP COLUMN state;
`,
} as const;
