import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => {
  // Benchmarks run the production builds of dependencies, as `coursekit build` does: with Vitest's default
  // (`development`), micromark's development build (assertions, debug logging) runs on both sides of the
  // bench and makes parsing, which coursekit shares with plain MDX, a larger part of each figure.
  if (mode === 'benchmark') process.env.NODE_ENV = 'production';
  return {
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      benchmark: { include: ['src/**/*.bench.ts', 'bench/**/*.bench.ts'] },
    },
  };
});
