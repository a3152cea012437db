import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  // Native and server-only dependencies stay imports: the consumer installs them.
  external: ['better-sqlite3', 'pg'],
});
