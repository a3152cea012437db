import { defineConfig } from 'tsup';

const common = {
  sourcemap: true,
  target: 'node20',
  splitting: false,
  // `import.meta.url` in the CommonJS build too: the bundled site template is found from it.
  shims: true,
} as const;

export default defineConfig([
  { ...common, entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true },
  // The bin is run by Node.js only, as an ES module.
  { ...common, entry: ['src/cli.ts'], format: ['esm'] },
]);
