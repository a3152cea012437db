import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const example = join(root, 'test', 'fixtures', 'example-course');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

it('shows every file of the example course, as the tests load it, in the README', async () => {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const files = await filesUnder(example);
  expect(files.length).toBeGreaterThanOrEqual(9);
  for (const file of files) {
    const path = relative(example, file);
    expect(readme, path).toContain(`\`${path}\``);
    expect(readme, path).toContain((await readFile(file, 'utf8')).trimEnd());
  }
});
