#!/usr/bin/env node
// Writes the thin app/ folder of a project from @coursekit/next's src/app: one file per route file (page,
// layout, route, error, not-found) that re-exports the package's, plus the segment config (`dynamic`,
// `dynamicParams`, …) written out, because Next.js reads it from the route file itself and not through a
// re-export. Usage: node scripts/app-files.mjs <app folder> [--check]
// Used for apps/teach/app and template/app, which must stay what this prints (tests compare them).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'app');
const routeFile = /^(page|layout|route|error|not-found)\.tsx?$/;
const segmentConfig = [
  'dynamic',
  'dynamicParams',
  'revalidate',
  'fetchCache',
  'runtime',
  'preferredRegion',
  'maxDuration',
];

export function appFiles() {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (routeFile.test(entry.name)) {
        const rel = relative(src, path).split(sep).join('/');
        const text = readFileSync(path, 'utf8');
        const names = new Set();
        const config = [];
        for (const match of text.matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)) {
          const name = match[1];
          if (segmentConfig.includes(name)) {
            const line = new RegExp(`^export const ${name} = [^;]+;`, 'm').exec(text);
            config.push(line[0]);
          } else names.add(name);
        }
        if (/^export default/m.test(text)) names.add('default');
        for (const match of text.matchAll(/^export \{([^}]+)\}/gm)) {
          for (const part of match[1].split(','))
            names.add(
              part
                .trim()
                .split(/\s+as\s+/)
                .pop(),
            );
        }
        const specifier = `@coursekit/next/app/${rel.replace(/\.tsx?$/, '')}`;
        const sorted = [...names].sort((a, b) =>
          a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b),
        );
        const lines = [];
        if (/^'use client';/.test(text)) lines.push("'use client';", '');
        lines.push(`export { ${sorted.join(', ')} } from '${specifier}';`);
        for (const line of config) lines.push(line);
        files.set(
          rel.replace(/\.tsx$/, rel.startsWith('api/') || rel.endsWith('route.ts') ? '.ts' : '.tsx'),
          `${lines.join('\n')}\n`,
        );
      }
    }
  };
  walk(src);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, flag] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node scripts/app-files.mjs <app folder> [--check]');
    process.exit(2);
  }
  let stale = 0;
  for (const [rel, content] of appFiles()) {
    const target = join(out, rel);
    let current;
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current === content) continue;
    if (flag === '--check') {
      console.error(`${target} is not the re-export of @coursekit/next's ${rel}`);
      stale += 1;
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  process.exit(stale > 0 ? 1 : 0);
}
