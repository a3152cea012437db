// Writes docs/rules.md from the rule list in the built package (run `pnpm --filter @coursekit/issues build` first).
import { writeFile } from 'node:fs/promises';
import { rulesMarkdown } from '../dist/index.js';

await writeFile(new URL('../../../docs/rules.md', import.meta.url), rulesMarkdown());
console.log('wrote docs/rules.md');
