// Packs every public package as it would be published, installs the tarballs into a consumer project outside the
// workspace with plain npm, and uses them from ESM, CJS and TypeScript: how another course would reuse them.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packagesDir = join(root, 'packages');
const bin = (name: string) => join(root, 'tests/node_modules/.bin', name);

const packages = readdirSync(packagesDir)
  .map((dir) => ({
    dir: join(packagesDir, dir),
    manifest: JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.manifest.private) as { dir: string; manifest: { name: string } }[];

let consumer: string;
const tarballs = new Map<string, string>();

async function sh(command: string, args: string[], cwd: string) {
  try {
    return await run(command, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

beforeAll(async () => {
  consumer = mkdtempSync(join(tmpdir(), 'coursekit-consumer-'));
  const packs = join(consumer, 'tarballs');
  mkdirSync(packs);
  for (const { dir, manifest } of packages) {
    const { stdout } = await sh('pnpm', ['pack', '--pack-destination', packs, '--json'], dir);
    const packed = JSON.parse(stdout) as { filename: string } | { filename: string }[];
    const filename = Array.isArray(packed) ? packed[0]?.filename : packed.filename;
    if (!filename) throw new Error(`pnpm pack printed no filename for ${manifest.name}`);
    tarballs.set(manifest.name, resolve(packs, filename));
  }
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'coursekit-consumer', private: true, version: '1.0.0' }, null, 2),
  );
  await sh(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs.values()],
    consumer,
  );
});

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('packed packages, consumed outside the workspace', () => {
  it('installs every public package from its tarball, not from a workspace link', () => {
    expect([...tarballs.keys()].sort()).toEqual([
      '@coursekit/citations',
      '@coursekit/content-schema',
      '@coursekit/issues',
      '@coursekit/mdx',
      '@coursekit/quiz-engine',
    ]);
    for (const name of tarballs.keys()) {
      const installed = JSON.parse(
        readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8'),
      );
      expect(JSON.stringify(installed.dependencies ?? {})).not.toContain('workspace:');
    }
  });

  it('imports each package from ESM and requires it from CJS with the same exports', async () => {
    const names = [...tarballs.keys()];
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `const out = {};\nfor (const name of ${JSON.stringify(names)}) out[name] = Object.keys(await import(name)).sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const out = {};\nfor (const name of ${JSON.stringify(names)}) out[name] = Object.keys(require(name)).sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    const esm = JSON.parse((await sh(process.execPath, ['esm.mjs'], consumer)).stdout) as Record<
      string,
      string[]
    >;
    const cjs = JSON.parse((await sh(process.execPath, ['cjs.cjs'], consumer)).stdout) as Record<
      string,
      string[]
    >;
    for (const name of names) {
      expect(esm[name]?.length, `${name} has exports`).toBeGreaterThan(0);
      expect(cjs[name], `${name}: require() gives the same names as import`).toEqual(esm[name]);
    }
  });

  it.each(['node16', 'bundler'] as const)(
    'type-checks a consumer file with moduleResolution %s',
    async (resolution) => {
      const source = readFileSync(join(root, 'tests/packaging/fixtures/consumer.ts'), 'utf8');
      const dir = join(consumer, `ts-${resolution}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, resolution === 'node16' ? 'consumer.mts' : 'consumer.ts'), source);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            target: 'ES2022',
            module: resolution === 'node16' ? 'Node16' : 'ESNext',
            moduleResolution: resolution === 'node16' ? 'Node16' : 'Bundler',
            types: [],
            lib: ['ES2023', 'DOM'],
          },
          include: ['*.ts', '*.mts'],
        }),
      );
      await sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], consumer);
    },
  );

  it.each(packages.map((p) => [p.manifest.name, p.dir]))('%s passes publint', async (_name, dir) => {
    const { stdout } = await sh(bin('publint'), ['run', dir, '--strict'], root);
    expect(stdout).not.toMatch(/error/i);
  });

  it.each(packages.map((p) => [p.manifest.name, p.dir]))('%s passes attw --pack', async (_name, dir) => {
    // node10 cannot see subpath exports (such as @coursekit/citations/react); every modern resolution must be right.
    await sh(bin('attw'), ['--pack', dir, '--profile', 'node16', '--format', 'ascii'], root);
  });
});
