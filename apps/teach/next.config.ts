import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { courseDir, courseIdentity } from './lib/server/course-identity';

/**
 * The pages are rendered from the course at build time, so a production build records which course it was made
 * from (id and content hash, inlined as COURSEKIT_BUILT_COURSE); instrumentation.ts refuses to serve any other
 * folder, or this one once edited.
 */
function builtCourse(phase: string): Record<string, string> {
  if (phase !== PHASE_PRODUCTION_BUILD) return {};
  return { COURSEKIT_BUILT_COURSE: JSON.stringify(courseIdentity(courseDir())) };
}

export default function nextConfig(phase: string): NextConfig {
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    // Class mode runs from its built package in Node.js itself: native better-sqlite3 and pg are not bundled.
    serverExternalPackages: ['@coursekit/classroom', 'better-sqlite3', 'pg'],
    // A second build (another course, such as the tests' fixture course) can live beside the default one.
    distDir: process.env.COURSEKIT_DIST_DIR?.trim() || '.next',
    env: builtCourse(phase),
  };
}
