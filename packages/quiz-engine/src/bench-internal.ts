// Not part of the package's API: `bench/grade.mjs` imports the built file (dist/bench-internal.js) by path,
// and package.json `exports` does not list it, so no consumer can import it and no declarations ship for it.
// It is an entry of the same ESM build as dist/index.js (tsup.config.ts), so both share module instances.
/** The seeded arrangement alone (seed hash, shuffles, opaque ids): the floor `pnpm bench` times against. */

/** For the bench's check that the floor finds the compiled form `parseQuiz` kept, rather than compiling again. */
export { compiledOf, isSealed } from './compile.js';
export { layoutQuiz } from './layout.js';
