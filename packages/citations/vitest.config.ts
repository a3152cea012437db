import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // citeproc-js takes a second or more to read a style such as APA; on a busy machine, several.
    testTimeout: 30_000,
  },
});
