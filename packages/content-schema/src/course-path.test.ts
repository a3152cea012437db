import { describe, expect, it } from 'vitest';
import { contentMeta } from './content-meta.js';
import { coursePathSchema } from './course-path.js';

const bibliography = coursePathSchema('bibliography', ['bib', 'json', 'yaml'], 'references.bib');

describe('coursePathSchema', () => {
  it('accepts relative paths with an allowed extension', () => {
    for (const path of ['references.bib', 'refs/references.json', './references.yaml', 'a..b.bib']) {
      expect(bibliography.safeParse(path).success, path).toBe(true);
    }
  });

  it('keeps the course inside its folder', () => {
    for (const path of [
      '/etc/passwd.bib',
      '../other/references.bib',
      'refs/../../x.bib',
      'C:/refs.bib',
      '~/x.bib',
    ]) {
      const result = bibliography.safeParse(path);
      expect(result.success, path).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('must be a path inside the course folder');
    }
  });

  it('names the allowed endings', () => {
    const result = bibliography.safeParse('references.txt');
    expect(result.error?.issues[0]?.message).toBe(
      'bibliography "references.txt" must be a file name ending in .bib, .json or .yaml, e.g. "references.bib"',
    );
  });

  it('suggests forward slashes for a Windows-style path', () => {
    const result = bibliography.safeParse('refs\\references.bib');
    expect(result.error?.issues[0]?.message).toContain('forward slashes');
    expect(contentMeta.get(bibliography)?.expected?.('refs\\references.bib')).toEqual([
      'refs/references.bib',
    ]);
  });
});
