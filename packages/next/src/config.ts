import type { NextConfig } from 'next';
import { courseDir, courseIdentity } from './lib/server/course-identity.js';

/** Next.js's build phase (`PHASE_PRODUCTION_BUILD` of `next/constants`), spelled out so that this file loads without Next. */
const PHASE_PRODUCTION_BUILD = 'phase-production-build';

/** The packages class mode runs from in Node.js itself: native better-sqlite3 and pg are not bundled. */
export const serverPackages: readonly string[] = ['@coursekit/classroom', 'better-sqlite3', 'pg'];

export interface CoursekitOptions {
  /**
   * The course folder, relative to the project (where `next` runs) or absolute. Default `course`. `COURSE_DIR`
   * in the environment of `next build` / `next start` overrides it.
   */
  courseDir?: string | undefined;
  /**
   * What builds this project, for the message of a server that refuses a course it was not built with.
   * Default `npm run build`.
   */
  buildCommand?: string | undefined;
}

type ConfigFunction = (
  phase: string,
  context: { defaultConfig: NextConfig },
) => NextConfig | Promise<NextConfig>;

function union(given: readonly string[] | undefined, wanted: readonly string[]): string[] {
  return [...new Set([...(given ?? []), ...wanted])];
}

/**
 * Wraps a Next.js config for a coursekit site: compiles `@coursekit/next` with the app (`transpilePackages`),
 * keeps class mode's native drivers out of the bundle (`serverExternalPackages`), tells the site where the
 * course is, and at `next build` records which course the pages were made from (`COURSEKIT_BUILT_COURSE`), so
 * that `next start` refuses to serve any other. `COURSEKIT_DIST_DIR` sets `distDir` (a second build beside
 * `.next`) unless the config sets it.
 */
export function withCoursekit(
  config: NextConfig | ConfigFunction = {},
  options: CoursekitOptions = {},
): ConfigFunction {
  return async (phase, context) => {
    const base = typeof config === 'function' ? await config(phase, context) : config;
    const configuredDir = options.courseDir?.trim() || 'course';
    // For this process (courseDir() below) and, through `env`, inlined into the server bundle.
    process.env.COURSEKIT_COURSE_DIR = configuredDir;
    const built =
      phase === PHASE_PRODUCTION_BUILD
        ? { COURSEKIT_BUILT_COURSE: JSON.stringify(courseIdentity(courseDir())) }
        : {};
    return {
      poweredByHeader: false,
      reactStrictMode: true,
      ...base,
      distDir: base.distDir ?? (process.env.COURSEKIT_DIST_DIR?.trim() || '.next'),
      transpilePackages: union(base.transpilePackages, ['@coursekit/next']),
      serverExternalPackages: union(base.serverExternalPackages, serverPackages),
      env: {
        ...base.env,
        COURSEKIT_COURSE_DIR: configuredDir,
        COURSEKIT_BUILD_COMMAND: options.buildCommand?.trim() || 'npm run build',
        ...built,
      },
    };
  };
}
