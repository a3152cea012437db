import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourse } from './load-course.js';

const exampleCourse = new URL('../test/fixtures/example-course/', import.meta.url).pathname;

// A small independent in-text style, author and year in square brackets, so the output shows which style ran.
const bracketedTitleStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Bracketed author and year (coursekit test style)</title>
    <id>https://example.org/styles/bracketed-author-year</id>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout prefix="[" suffix="]" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
  <bibliography>
    <layout>
      <text variable="title"/>
    </layout>
  </bibliography>
</style>
`;

describe('a course whose citationStyleFile is a CSL file in its folder', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function courseWithStyle(style: string, files: Record<string, string> = {}): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'coursekit-style-'));
    await cp(exampleCourse, dir, { recursive: true });
    const courseYaml = await readFile(join(dir, 'course.yaml'), 'utf8');
    await writeFile(
      join(dir, 'course.yaml'),
      courseYaml.replace(
        'citationStyle: chicago-author-date',
        `citationStyle: chicago-author-date\ncitationStyleFile: ${style}`,
      ),
    );
    for (const [file, text] of Object.entries(files)) {
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), text);
    }
    return dir;
  }

  it('cites in that style', async () => {
    const loaded = await loadCourse(
      await courseWithStyle('styles/bracketed.csl', { 'styles/bracketed.csl': bracketedTitleStyle }),
    );
    expect(loaded.issues).toEqual([]);
    expect(loaded.context.citations?.renderSource('example-water-primer', undefined).text).toBe(
      '[Example 2024]',
    );
  });

  it('reports a missing style file where course.yaml names it', async () => {
    const loaded = await loadCourse(await courseWithStyle('styles/ieee.csl'));
    const issue = loaded.issues.find((found) => found.ruleId === 'course/citation-style');
    expect(issue).toMatchObject({ file: 'course.yaml', line: 23, column: 20, severity: 'error' });
    expect(issue?.message).toMatch(
      /^citation style file styles\/ieee.csl not found; put the .csl file there/,
    );
  });

  it('reports a file that is not a CSL style in that file', async () => {
    const loaded = await loadCourse(
      await courseWithStyle('styles/broken.csl', {
        'styles/broken.csl': '<html><body>not a style</body></html>',
      }),
    );
    const issue = loaded.issues.find((found) => found.ruleId === 'course/citation-style');
    expect(issue).toMatchObject({ file: 'styles/broken.csl', line: 1, severity: 'error' });
    expect(issue?.message).toContain('the root element is <html>, not <style>');
    expect(loaded.ok).toBe(false);
  });
});
