export { proxy } from '@coursekit/next/proxy';
// Next.js reads the matcher from this file itself, not through a re-export.
export const config = { matcher: '/api/:path*' };
