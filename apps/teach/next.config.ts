import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Class mode runs from its built package in Node.js itself: native better-sqlite3 and pg are not bundled.
  serverExternalPackages: ['@coursekit/classroom', 'better-sqlite3', 'pg'],
};

export default nextConfig;
