import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleIds, ruleUrl } from './rules.js';
import { rulesMarkdown } from './rules-doc.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  files: string[];
};

describe('docs/rules.md', () => {
  it('is the table generated from the rule list, in the package and in the repository (run `pnpm --filter @coursekit/issues rules-doc` when it is not)', () => {
    for (const path of ['../docs/rules.md', '../../../docs/rules.md']) {
      const written = readFileSync(new URL(path, import.meta.url), 'utf8');
      expect(written, path).toBe(rulesMarkdown());
    }
  });

  it('ships in the package, so every rule URL names a file users have', () => {
    expect(packageJson.files).toContain('docs');
    const markdown = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');
    for (const id of ruleIds) {
      const url = ruleUrl(id) ?? '';
      expect(url.startsWith(`https://unpkg.com/${packageJson.name}/docs/rules.md#`), id).toBe(true);
      expect(markdown, id).toContain(`](#${url.split('#')[1]})`);
      expect(markdown, id).toContain(`\n### ${id}\n`);
    }
  });

  it('gives every rule a section with its meaning, an example and the fix', () => {
    const markdown = rulesMarkdown();
    for (const id of ruleIds) {
      const section = markdown.split(`\n### ${id}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section, id).toMatch(/- Example: .+\n- Fix: .+/);
    }
  });
});
