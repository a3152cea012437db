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
    // ESM with code splitting, and the bench helper (dist/bench-internal.js, for `pnpm bench` only) an entry of
    // this same build: it imports the very module instances of dist/index.js from shared chunks, so the
    // compiled form `parseQuiz` keeps for a quiz (a WeakMap in compile.ts) is the one its `layoutQuiz` finds.
    // A bundle of its own would carry a second copy of that WeakMap and compile the quiz again on every call.
    // The helper is not in package.json `exports` nor published (`files`); its declarations are not emitted.
    ...shared,
    entry: {
      index: 'src/index.ts',
      'client/index': 'src/client.ts',
      'bench-internal': 'src/bench-internal.ts',
    },
    dts: { entry: { index: 'src/index.ts', 'client/index': 'src/client.ts' } },
    format: ['esm'],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'chunks/[name]-[hash]';
    },
  },
  // CommonJS (require) has no chunks: each entry in one file.
  {
    ...shared,
    entry: { index: 'src/index.ts', 'client/index': 'src/client.ts' },
    format: ['cjs'],
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
]);
