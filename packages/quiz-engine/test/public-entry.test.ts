import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.js';

describe('the public entry', () => {
  it('exports nothing internal (the bench helper lives in its own unlisted entry)', () => {
    expect(Object.keys(entry).filter((name) => name.startsWith('__'))).toEqual([]);
    expect(entry).not.toHaveProperty('layoutQuiz');
  });

  it('neither exports nor publishes dist/bench-internal.js', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(JSON.stringify(manifest.exports)).not.toContain('bench-internal');
    expect(manifest.files).toContain('!dist/bench-internal.js');
    expect(manifest.files).toContain('!dist/bench-internal.js.map');
  });
});
