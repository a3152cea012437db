import { defineConfig, type Options } from 'tsup';

const staticEntries = { index: 'src/index.ts' };
const clientEntries = {
  'quiz/index': 'src/quiz/index.ts',
  'progress/index': 'src/progress/index.ts',
  'popover-escape': 'src/popover-escape.tsx',
};

// No `clean`: the three builds run at once and would delete each other's files; `pnpm build` empties dist first.
const shared: Options = { sourcemap: true, target: 'es2022', external: ['react'] };

export default defineConfig([
  {
    // ESM one file per source module, as written: each client component keeps its own 'use client', so a
    // server component that imports one island (a page's quiz) sends only that one to the browser, and all
    // islands share one progress store.
    ...shared,
    entry: ['src/**/*.ts', 'src/**/*.tsx', '!src/**/*.test.ts', '!src/**/*.test.tsx'],
    format: ['esm'],
    bundle: false,
    dts: { entry: { ...staticEntries, ...clientEntries } },
  },
  // CommonJS for require(): one bundle per entry, so an entry holding client components is marked whole.
  { ...shared, entry: staticEntries, format: ['cjs'], splitting: false, dts: { entry: staticEntries } },
  {
    ...shared,
    entry: clientEntries,
    format: ['cjs'],
    splitting: false,
    banner: { js: "'use client';" },
    dts: { entry: clientEntries },
  },
]);
