import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { courseDir, courseIdentity, courseMismatch } from './course-identity.js';

const twoPeripheries = resolve(__dirname, '../../../../../apps/teach/content/two-peripheries');
const fixtureCourse = resolve(__dirname, '..', '..', '..', '..', 'classroom', 'test', 'fixtures', 'course');
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'course-identity-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function copyOf(dir: string): string {
  const copy = join(scratch, 'course');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

describe('courseIdentity', () => {
  it('names the course by its course.yaml id', () => {
    expect(courseIdentity(twoPeripheries).id).toBe('two-peripheries');
    expect(courseIdentity(fixtureCourse).id).toBe('class-mode-fixture');
  });

  it('gives a copy of the folder elsewhere the same hash, and editor litter does not change it', () => {
    const copy = copyOf(fixtureCourse);
    writeFileSync(join(copy, '.DS_Store'), 'x');
    mkdirSync(join(copy, '.git'));
    writeFileSync(join(copy, '.git', 'HEAD'), 'ref');
    expect(courseIdentity(copy).hash).toBe(courseIdentity(fixtureCourse).hash);
  });

  it('changes when a file is edited, added or renamed', () => {
    const copy = copyOf(fixtureCourse);
    const hashes = new Set([courseIdentity(copy).hash]);
    writeFileSync(join(copy, 'course.yaml'), '# edited\n', { flag: 'a' });
    hashes.add(courseIdentity(copy).hash);
    writeFileSync(join(copy, 'notes.md'), 'new');
    hashes.add(courseIdentity(copy).hash);
    rmSync(join(copy, 'notes.md'));
    writeFileSync(join(copy, 'notes2.md'), 'new');
    hashes.add(courseIdentity(copy).hash);
    expect(hashes.size).toBe(4);
  });
});

describe('courseMismatch', () => {
  it('accepts the course the build was made from', () => {
    expect(
      courseMismatch(courseIdentity(twoPeripheries), courseIdentity(copyOf(twoPeripheries))),
    ).toBeUndefined();
  });

  it('refuses another course, naming both and the command that builds for the one given', () => {
    const message = courseMismatch(
      courseIdentity(twoPeripheries),
      courseIdentity(fixtureCourse),
      fixtureCourse,
      'pnpm --filter @coursekit/teach build',
    );
    expect(message).toBe(
      `coursekit cannot start: this build serves the course "two-peripheries" (from ${twoPeripheries}), but ` +
        `COURSE_DIR gives "class-mode-fixture" (${fixtureCourse}); build for that course first: ` +
        `COURSE_DIR=${fixtureCourse} pnpm --filter @coursekit/teach build`,
    );
  });

  it('refuses the same course edited after the build, because its pages would be stale', () => {
    const built = courseIdentity(twoPeripheries);
    const copy = copyOf(twoPeripheries);
    writeFileSync(join(copy, 'course.yaml'), '\n', { flag: 'a' });
    const message = courseMismatch(built, courseIdentity(copy));
    expect(message).toMatch(
      /^coursekit cannot start: the course "two-peripheries" in .* has changed since this build/,
    );
    expect(message).toContain('stale');
    // COURSE_DIR was not set: the command builds the default course, with the project's own build script.
    expect(message).toMatch(/rebuild: npm run build$/);
  });

  it('quotes a folder the shell would split', () => {
    const spaced = join(scratch, 'my course');
    cpSync(fixtureCourse, spaced, { recursive: true });
    const message = courseMismatch(courseIdentity(twoPeripheries), courseIdentity(spaced), spaced);
    expect(message).toContain(`COURSE_DIR='${spaced}' npm run build`);
  });

  it('refuses a build that recorded no course', () => {
    expect(courseMismatch(undefined, courseIdentity(twoPeripheries))).toMatch(
      /does not record which course it was built with; rebuild it: npm run build$/,
    );
  });
});

describe('courseDir', () => {
  it('resolves COURSE_DIR, or course/ of the project', () => {
    expect(courseDir({})).toBe(resolve(process.cwd(), 'course'));
    expect(courseDir({ COURSE_DIR: '/srv/a/../course' })).toBe('/srv/course');
  });
});
