import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '@coursekit/issues';
import { describe, expect, it } from 'vitest';
import { packages, root, sourceFiles } from './graph.js';

// `docs/objective-verbs.md of @coursekit/content-schema`, or a bare `docs/x.md` meaning the package's own.
const docsReference = /docs\/([a-z-]+\.md)(?: of (@coursekit\/[a-z-]+))?/g;

interface PackageJson {
  name: string;
  private?: boolean;
  files?: string[];
}

const manifests = packages.map((project) => ({
  dir: project.dir,
  json: JSON.parse(readFileSync(join(root, project.dir, 'package.json'), 'utf8')) as PackageJson,
}));

/** Every documentation file a message or rule text names, with the package that must ship it. */
function referencedDocs(): { doc: string; packageName: string; from: string }[] {
  const found: { doc: string; packageName: string; from: string }[] = [];
  for (const { dir, json } of manifests) {
    for (const file of sourceFiles(`${dir}/src`)) {
      if (/\.(test|bench)\.ts$/.test(file)) continue;
      // Strings only: comments may name the repository's own docs.
      const code = readFileSync(join(root, file), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
      for (const match of code.matchAll(docsReference)) {
        found.push({ doc: match[1] as string, packageName: match[2] ?? json.name, from: file });
      }
    }
  }
  return found;
}

describe('documentation that messages point to', () => {
  it('is a file the named package ships (in its `files`)', () => {
    const references = referencedDocs();
    expect(references.map((reference) => reference.doc)).toEqual(
      expect.arrayContaining(['course-format.md', 'objective-verbs.md']),
    );
    const missing = references.filter(({ doc, packageName }) => {
      const owner = manifests.find((manifest) => manifest.json.name === packageName);
      if (!owner) return true;
      return !owner.json.files?.includes('docs') || !existsSync(join(root, owner.dir, 'docs', doc));
    });
    expect(missing.map(({ doc, packageName, from }) => `${packageName}/docs/${doc} (${from})`)).toEqual([]);
  });

  it('names a package in every rule text, since the rules are printed far from their source', () => {
    const texts = Object.values(rules).flatMap((rule) => [rule.meaning, rule.fix]);
    for (const text of texts) {
      for (const match of text.matchAll(docsReference)) expect(match[2], text).toBeDefined();
    }
  });

  it('ships docs/course-format.md in @coursekit/mdx as the copy of the repository one', () => {
    expect(readFileSync(join(root, 'packages/mdx/docs/course-format.md'), 'utf8')).toBe(
      readFileSync(join(root, 'docs/course-format.md'), 'utf8'),
    );
  });
});

describe('links in package READMEs', () => {
  // npm shows a README away from the repository (and installs it in node_modules without the rest of it),
  // so a relative link only works to a file the package ships.
  const relativeLink = /\]\((?!https?:|mailto:|#)([^)\s#]+)(#[^)\s]*)?\)/g;
  const published = manifests.filter(
    ({ dir, json }) => !json.private && existsSync(join(root, dir, 'README.md')),
  );

  it('are absolute, or relative to a file the package ships', () => {
    expect(published.map(({ json }) => json.name)).toContain('@coursekit/mdx');
    const broken: string[] = [];
    for (const { dir, json } of published) {
      const readme = readFileSync(join(root, dir, 'README.md'), 'utf8');
      for (const match of readme.matchAll(relativeLink)) {
        const target = match[1] as string;
        const shipped = json.files?.includes(target.split('/')[0] ?? '') ?? false;
        const outside = target.startsWith('../') || target.startsWith('/');
        if (outside || !shipped || !existsSync(join(root, dir, target)))
          broken.push(`${json.name}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
