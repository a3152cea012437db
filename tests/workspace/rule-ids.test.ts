import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleIds } from '@coursekit/issues';
import { describe, expect, it } from 'vitest';
import { packages, root, sourceFiles } from './graph.js';

const areas = [...new Set(ruleIds.map((id) => id.split('/')[0]))].join('|');
const ruleLiteral = new RegExp(`['"\`]((?:${areas})/[a-z]+(?:-[a-z]+)*)['"\`]`, 'g');

describe('rule ids', () => {
  it('are all listed (and documented) in @coursekit/issues: every id the packages report', () => {
    const used = new Map<string, string>();
    for (const project of packages) {
      for (const file of sourceFiles(`${project.dir}/src`)) {
        if (/\.(test|bench)\.ts$/.test(file)) continue;
        for (const match of readFileSync(join(root, file), 'utf8').matchAll(ruleLiteral)) {
          used.set(match[1] as string, file);
        }
      }
    }
    const unlisted = [...used].filter(([id]) => !(ruleIds as string[]).includes(id));
    expect(unlisted.map(([id, file]) => `${id} (${file})`)).toEqual([]);
    // The scan sees the ids it should: one from each reporting package.
    for (const id of ['schema/unknown-key', 'citation/unknown-key', 'quiz/gift', 'mdx/syntax'])
      expect(used.has(id), id).toBe(true);
  });
});
