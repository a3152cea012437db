import { defineConfig, type Options } from 'tsup';

// The React controls and the browser helpers are separate entries, so that the main entry never loads
// React and a page that needs only the helpers loads no schemas, grading or GIFT code.
const shared: Options = {
  dts: true,
  sourcemap: true,
  target: 'node20',
  external: ['react'],
  // The GIFT parser ships inside the bundle: its grammar is patched in this repository
  // (patches/gift-pegjs.patch), and a consumer's own install of gift-pegjs would not carry the fix.
  noExternal: ['gift-pegjs'],
};
const react = { 'react/index': 'src/react/index.tsx' };

// No `clean`: the builds run at once and would delete each other's files; `pnpm build` empties dist first.
export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', 'client/index': 'src/client.ts' },
    format: ['esm', 'cjs'],
    splitting: false,
  },
  {
    // ESM with code splitting: the larger controls (ordering, cloze, essay) are chunks of their own, which a
    // bundler loads only for a quiz that uses them (`loadQuestionControls`).
    ...shared,
    entry: react,
    format: ['esm'],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'react/[name]-[hash]';
    },
  },
  // CommonJS (require) has no chunks: the same controls, in one file.
  { ...shared, entry: react, format: ['cjs'], splitting: false },
  // For `pnpm bench` only (bench/grade.mjs imports dist/bench-internal.js by path): not in package.json
  // `exports`, no declarations, so nothing of it reaches the public API.
  {
    ...shared,
    entry: { 'bench-internal': 'src/bench-internal.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    splitting: false,
  },
]);
