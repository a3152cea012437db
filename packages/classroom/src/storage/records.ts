// Stored JSON is checked when it is read, never cast: a row that does not hold what the engine wrote is a
// clear error naming the row, not a crash somewhere later.
import type { AttemptStep } from '@coursekit/quiz-engine';
import { z } from 'zod';

const stepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('answer'), questionId: z.string(), response: z.unknown() }),
  z.strictObject({ action: z.literal('check'), questionId: z.string() }),
  z.strictObject({ action: z.literal('submit') }),
]);
const stepsSchema = z.array(stepSchema);

/** A stored row does not hold what this version of the package writes. */
export class StoredDataError extends Error {
  constructor(where: string, detail: string) {
    super(`The stored ${where} is not readable (${detail}); the database may have been edited by hand.`);
    this.name = 'StoredDataError';
  }
}

/** Parses (when given text) and checks stored attempt steps. */
export function readSteps(value: unknown, where: string): AttemptStep[] {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (error) {
      throw new StoredDataError(where, error instanceof Error ? error.message : 'not JSON');
    }
  }
  const parsed = stepsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredDataError(where, `${issue?.path.join('.') || 'steps'}: ${issue?.message ?? 'invalid'}`);
  }
  // Zod types `response: z.unknown()` as optional; the schema has checked every step's shape.
  return parsed.data as AttemptStep[];
}

/** The database cannot take writes now (its file was deleted or replaced, or the server is gone). */
export class StoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
