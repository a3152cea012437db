// Not part of the package's API: `bench/grade.mjs` imports the built file (dist/bench-internal.js) by path,
// and package.json `exports` does not list it, so no consumer can import it and no declarations ship for it.
/** The seeded arrangement alone (seed hash, shuffles, opaque ids): the floor `pnpm bench` times against. */
export { layoutQuiz } from './layout.js';
