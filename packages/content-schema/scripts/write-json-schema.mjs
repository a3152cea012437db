// Writes dist/json-schema/<kind>.json from the Zod schemas in the freshly built dist/, so editors can
// validate and autocomplete course files (`@coursekit/content-schema/json-schema/<kind>.json`).
import { mkdir, writeFile } from 'node:fs/promises';
import { contentJsonSchema, contentKinds } from '../dist/index.js';

const outDir = new URL('../dist/json-schema/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const kind of contentKinds) {
  const file = new URL(`${kind}.json`, outDir);
  await writeFile(file, `${JSON.stringify(contentJsonSchema(kind), null, 2)}\n`);
  console.log(`wrote dist/json-schema/${kind}.json`);
}
