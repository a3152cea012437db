import { defineConfig } from 'tsup';

export default defineConfig({
  // The React controls and the browser helpers are separate entries, so that the main entry never loads
  // React and a page that needs only the helpers loads no schemas, grading or GIFT code.
  entry: { index: 'src/index.ts', 'client/index': 'src/client.ts', 'react/index': 'src/react/index.tsx' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  external: ['react'],
  // The GIFT parser ships inside the bundle: its grammar is patched in this repository
  // (patches/gift-pegjs.patch), and a consumer's own install of gift-pegjs would not carry the fix.
  noExternal: ['gift-pegjs'],
});
