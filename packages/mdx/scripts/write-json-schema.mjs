// Writes dist/json-schema/<kind>.json for every kind of course file (quizzes included) from the freshly
// built dist/, so editors can validate and autocomplete them (`@coursekit/mdx/json-schema/<kind>.json`).
import { mkdir, writeFile } from 'node:fs/promises';
import { courseFileJsonSchema, courseFileKinds } from '../dist/index.js';

const outDir = new URL('../dist/json-schema/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const kind of courseFileKinds) {
  await writeFile(
    new URL(`${kind}.json`, outDir),
    `${JSON.stringify(courseFileJsonSchema(kind), null, 2)}\n`,
  );
  console.log(`wrote dist/json-schema/${kind}.json`);
}
