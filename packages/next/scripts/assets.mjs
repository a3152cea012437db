// The stylesheets and images of src/ (globals.css, the CSS modules, .svg) that tsc does not emit: copied beside
// the modules that import them. Shared by build.mjs (one copy) and dev.mjs (a copy, then kept in step).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, watch } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const isAsset = (name) => name.endsWith('.css') || name.endsWith('.svg');

/** Copies every asset of `src` to the same place under `dist`; returns how many. */
export function copyAssets(src, dist) {
  let copied = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isAsset(entry.name)) {
        cpSync(path, join(dist, relative(src, path)));
        copied += 1;
      }
    }
  };
  walk(src);
  return copied;
}

/**
 * Brings one asset (`file`, relative to `src`) of dist in step: copied when it exists in src, removed from
 * dist when it no longer does. Returns what happened, or null for a file that is not an asset.
 */
export function syncAsset(src, dist, file) {
  if (!isAsset(file)) return null;
  const from = join(src, file);
  const to = join(dist, file);
  if (existsSync(from)) {
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to);
    return 'copied';
  }
  rmSync(to, { force: true });
  return 'removed';
}

/** Watches `src` (recursively) and keeps the assets of `dist` in step; `onSync(file, what)` hears of each. */
export function watchAssets(src, dist, onSync = () => {}) {
  return watch(src, { recursive: true }, (_event, file) => {
    if (!file) return;
    try {
      const what = syncAsset(src, dist, String(file));
      if (what) onSync(String(file), what);
    } catch (error) {
      // A file removed or renamed between the event and the copy: the next event brings it in step.
      if (error?.code !== 'ENOENT') throw error;
    }
  });
}
