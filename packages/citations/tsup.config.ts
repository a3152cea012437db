import { defineConfig } from 'tsup';

export default defineConfig({
  // The React components are a separate entry, so that the main entry never loads React.
  entry: { index: 'src/index.ts', 'react/index': 'src/react/index.tsx' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  // `import.meta.url` in the CommonJS build too, for the `createRequire` that loads dependencies lazily.
  shims: true,
});
