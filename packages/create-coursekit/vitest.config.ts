import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test writes a project and runs the real coursekit CLI on it as a child process.
    testTimeout: 60_000,
  },
});
