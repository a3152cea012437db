import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createIssue, type Issue, type Severity } from '@coursekit/issues';
import type { SourcePoint } from './yaml-source.js';

/** An issue about a file as a whole or at a known place in it. */
export function fileIssue(
  file: string,
  message: string,
  ruleId: string,
  place: SourcePoint = { line: 1, column: 1 },
  severity: Severity = 'error',
): Issue {
  return createIssue(file, ruleId, message, { line: place.line, column: place.column, severity });
}

export type ReadResult = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/** Read a course file as UTF-8, telling a missing file from one that cannot be read. */
export async function readCourseFile(dir: string, file: string): Promise<ReadResult> {
  try {
    return { ok: true, text: (await readFile(join(dir, file), 'utf8')).replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, reason: 'not found' };
    if (code === 'EISDIR') return { ok: false, missing: false, reason: 'is a folder, not a file' };
    return { ok: false, missing: false, reason: (error as Error).message };
  }
}

/** File names in a folder of the course, sorted; undefined when the folder does not exist. */
export async function listCourseFolder(dir: string, folder: string): Promise<string[] | undefined> {
  try {
    const entries = await readdir(join(dir, folder), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
