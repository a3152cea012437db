// Writes docs/rules.md of this package (shipped with it) and the repository's copy from the rule list in
// the built package (run `pnpm --filter @coursekit/issues build` first).
import { mkdir, writeFile } from 'node:fs/promises';
import { rulesMarkdown } from '../dist/index.js';

await mkdir(new URL('../docs/', import.meta.url), { recursive: true });
await writeFile(new URL('../docs/rules.md', import.meta.url), rulesMarkdown());
console.log('wrote packages/issues/docs/rules.md');
await writeFile(new URL('../../../docs/rules.md', import.meta.url), rulesMarkdown());
console.log('wrote docs/rules.md');
