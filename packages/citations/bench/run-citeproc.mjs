// The floor: citeproc-js used directly, in one whole process, for the same style, locale and items, giving
// the same HTML as the package: node bench/run-citeproc.mjs <task> <data dir>
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [task, dataDir] = process.argv.slice(2);
const CSL = createRequire(import.meta.url)('citeproc');
const items = JSON.parse(readFileSync(join(dataDir, 'items.json'), 'utf8'));
const byId = new Map(items.map((item) => [item.id, item]));
const style = readFileSync(join(dataDir, 'style.csl'), 'utf8');
const locale = readFileSync(join(dataDir, 'locale.xml'), 'utf8');
const engine = new CSL.Engine(
  { retrieveLocale: (lang) => (lang === 'en-US' ? locale : false), retrieveItem: (id) => byId.get(id) },
  style,
  'en-US',
  true,
);
// Every reference registered first, as the package does, so that both disambiguate the same way.
engine.updateUncitedItems([...byId.keys()]);
let output;
if (task === 'bibliography') {
  const [, entries] = engine.makeBibliography();
  output = entries.map((entry) => entry.trim());
} else {
  const citations = JSON.parse(readFileSync(join(dataDir, 'citations.json'), 'utf8'));
  const placed = [];
  output = citations.map((cluster) => {
    const citation = {
      citationItems: cluster.items.map(({ key, locator, label }) => ({ id: key, locator, label })),
      properties: { noteIndex: 0 },
    };
    const [, updates] = engine.processCitationCluster(citation, placed, []);
    placed.push([citation.citationID, 0]);
    return updates.find(([index]) => index === placed.length - 1)[1];
  });
}
process.stdout.write(createHash('sha256').update(JSON.stringify(output)).digest('hex'));
