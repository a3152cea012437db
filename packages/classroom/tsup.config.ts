import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  // import.meta.url in the CommonJS build too (the WAL checkpoint worker finds better-sqlite3 from it).
  shims: true,
  // Native and server-only dependencies stay imports: the consumer installs them.
  external: ['better-sqlite3', 'pg'],
});
