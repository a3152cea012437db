// The courses in this repository, as they are today, stay valid under the open schema, and `coursekit
// migrate` only tidies them (it never has to change them for them to pass).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse, migrateCourse } from '@coursekit/mdx';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './graph.js';

const courses = [
  { name: 'Two Peripheries (apps/teach/content)', dir: join(root, 'apps/teach/content/two-peripheries') },
  { name: 'the Gettysburg Address example', dir: join(root, 'examples/gettysburg-address') },
];

const copies: string[] = [];
afterAll(async () => {
  for (const copy of copies) await rm(copy, { recursive: true, force: true });
});

async function copyOf(dir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'coursekit-compat-'));
  copies.push(copy);
  await cp(dir, copy, { recursive: true, filter: (source) => !source.includes('node_modules') });
  return copy;
}

describe.each(courses)('$name', ({ dir }) => {
  it('loads with no problem at all, not even a warning, exactly as it is written today', async () => {
    const loaded = await loadCourse(dir);
    expect(loaded.issues).toEqual([]);
    expect(loaded.timeline?.events.length).toBeGreaterThan(0);
  });

  it('needs no migration; a dry run lists only the redundant afterArticle: false lines and writes nothing', async () => {
    const timeline = await readFile(join(dir, 'timeline.yaml'), 'utf8');
    const report = await migrateCourse(dir, { dryRun: true });
    expect(report.issues).toEqual([]);
    expect(report.written).toEqual([]);
    expect(report.changes.length).toBe(timeline.match(/^ {4}afterArticle: false$/gm)?.length ?? 0);
    expect(new Set(report.changes.map((change) => change.migration))).toEqual(
      new Set(report.changes.length > 0 ? ['timeline-after-article-default'] : []),
    );
    expect(await readFile(join(dir, 'timeline.yaml'), 'utf8')).toBe(timeline);
  });

  it('is still valid, with the same events, after coursekit migrate', async () => {
    const copy = await copyOf(dir);
    const before = await loadCourse(dir);
    await migrateCourse(copy);
    const after = await loadCourse(copy);
    expect(after.issues).toEqual([]);
    expect(after.timeline?.events.map((event) => [event.id, event.afterArticle === true])).toEqual(
      before.timeline?.events.map((event) => [event.id, event.afterArticle === true]),
    );
  });
});
