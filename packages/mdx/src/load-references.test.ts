import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReferences } from './load-references.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('loadReferences of a CSL-YAML bibliography', () => {
  it('explains a YAML syntax error in words, where it starts', async () => {
    dir = await mkdtemp(join(tmpdir(), 'coursekit-refs-'));
    await writeFile(
      join(dir, 'references.yaml'),
      '- id: lincoln-gettysburg-address\n  type: speech\n  title: "Address delivered at the dedication\n',
    );
    const loaded = await loadReferences(dir, 'references.yaml', undefined);
    expect(loaded.items).toBeUndefined();
    expect(loaded.issues).toMatchObject([
      {
        file: 'references.yaml',
        line: 3,
        column: 10,
        ruleId: 'yaml/syntax',
        message:
          'not valid YAML: the double quotation mark (") that starts this text is never closed; add the closing " at the end of the text (write \\" for a quotation mark inside it)',
      },
    ]);
  });
});
