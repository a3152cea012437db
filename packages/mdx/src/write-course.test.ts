import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMarker, OutputFolderError, writeOutputFolder } from './write-course.js';

let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursekit-out-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const manifest = (version: string) => ({
  path: 'manifest.json',
  content: JSON.stringify({ generator: buildMarker, version }),
});

describe('writeOutputFolder', () => {
  it('replaces an earlier build whole, so no file of the old one is left behind', async () => {
    const out = join(work, 'out');
    await writeOutputFolder(out, [manifest('1'), { path: 'lessons/old.js', content: 'old' }]);
    await writeOutputFolder(out, [manifest('2'), { path: 'lessons/new.js', content: 'new' }]);
    expect(await readdir(join(out, 'lessons'))).toEqual(['new.js']);
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).version).toBe('2');
    expect((await readdir(work)).filter((name) => name !== 'out')).toEqual([]);
  });

  it('writes into an empty folder', async () => {
    const out = join(work, 'empty');
    await mkdir(out);
    await writeOutputFolder(out, [manifest('1')]);
    expect(await readdir(out)).toEqual(['manifest.json']);
  });

  it('leaves a folder that is not a build untouched', async () => {
    const out = join(work, 'mine');
    await mkdir(out);
    await writeFile(join(out, 'thesis.txt'), 'do not delete');
    await expect(writeOutputFolder(out, [manifest('1')])).rejects.toBeInstanceOf(OutputFolderError);
    expect(await readdir(out)).toEqual(['thesis.txt']);
  });
});
