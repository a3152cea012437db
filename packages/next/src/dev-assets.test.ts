// The asset copy of `pnpm build` and `pnpm dev` (scripts/assets.mjs): tsc emits no stylesheets, so dev must
// copy them and keep them in step while it watches.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const assetsUrl = new URL('../scripts/assets.mjs', import.meta.url).href;
const { copyAssets, syncAsset, watchAssets } = await import(assetsUrl);

const made: string[] = [];
function folders() {
  const root = mkdtempSync(join(tmpdir(), 'ck-next-assets-'));
  made.push(root);
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  mkdirSync(join(src, 'app', 'quiz'), { recursive: true });
  mkdirSync(dist);
  return { src, dist };
}
afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the stylesheets of dist/', () => {
  it('are copied beside their modules; other files are left to tsc', () => {
    const { src, dist } = folders();
    writeFileSync(join(src, 'globals.css'), 'body{}');
    writeFileSync(join(src, 'app', 'quiz', 'quiz.module.css'), '.a{}');
    writeFileSync(join(src, 'app', 'logo.svg'), '<svg/>');
    writeFileSync(join(src, 'app', 'page.tsx'), 'export {}');
    expect(copyAssets(src, dist)).toBe(3);
    expect(readFileSync(join(dist, 'app', 'quiz', 'quiz.module.css'), 'utf8')).toBe('.a{}');
    expect(existsSync(join(dist, 'app', 'page.tsx'))).toBe(false);
    expect(syncAsset(src, dist, 'app/page.tsx')).toBeNull();
  });

  it('follow a change, an addition and a removal', () => {
    const { src, dist } = folders();
    writeFileSync(join(src, 'globals.css'), 'body{}');
    copyAssets(src, dist);
    writeFileSync(join(src, 'globals.css'), 'body{color:red}');
    expect(syncAsset(src, dist, 'globals.css')).toBe('copied');
    expect(readFileSync(join(dist, 'globals.css'), 'utf8')).toBe('body{color:red}');
    mkdirSync(join(src, 'new'));
    writeFileSync(join(src, 'new', 'x.module.css'), '.x{}');
    expect(syncAsset(src, dist, 'new/x.module.css')).toBe('copied');
    expect(readFileSync(join(dist, 'new', 'x.module.css'), 'utf8')).toBe('.x{}');
    rmSync(join(src, 'globals.css'));
    expect(syncAsset(src, dist, 'globals.css')).toBe('removed');
    expect(existsSync(join(dist, 'globals.css'))).toBe(false);
  });

  it('are kept in step while dev watches src/', async () => {
    const { src, dist } = folders();
    const seen = new Promise<string>((resolve) => {
      const watcher = watchAssets(src, dist, (file: string) => {
        if (file.endsWith('quiz.module.css') && existsSync(join(dist, 'app', 'quiz', 'quiz.module.css'))) {
          watcher.close();
          resolve(readFileSync(join(dist, 'app', 'quiz', 'quiz.module.css'), 'utf8'));
        }
      });
    });
    writeFileSync(join(src, 'app', 'quiz', 'quiz.module.css'), '.edited{}');
    expect(await seen).toBe('.edited{}');
  });
});
