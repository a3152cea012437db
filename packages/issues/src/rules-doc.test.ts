import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleIds } from './rules.js';
import { rulesMarkdown } from './rules-doc.js';

describe('docs/rules.md', () => {
  it('is the table generated from the rule list (run `pnpm --filter @coursekit/issues rules-doc` when it is not)', () => {
    const written = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    expect(written).toBe(rulesMarkdown());
  });

  it('gives every rule a section with its meaning, an example and the fix', () => {
    const markdown = rulesMarkdown();
    for (const id of ruleIds) {
      const section = markdown.split(`\n### ${id}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section, id).toMatch(/- Example: .+\n- Fix: .+/);
    }
  });
});
