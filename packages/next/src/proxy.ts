import { NextResponse } from 'next/server';

// Next.js answers a path with malformed percent-encoding (such as /api/quizzes/%E0%A4%A) with a plain-text
// 500 before any route runs; API clients get the same JSON 400 as from @coursekit/classroom itself.
export function proxy(request: Request): Response | undefined {
  const { pathname } = new URL(request.url);
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    return NextResponse.json(
      {
        error: {
          code: 'invalid-path',
          message: `The path ${pathname.slice(0, 120)} has a malformed percent-encoding (such as %E0%A4%A); encode it with encodeURIComponent.`,
        },
      },
      { status: 400, headers: { 'cache-control': 'no-store' } },
    );
  }
}

export const config = { matcher: '/api/:path*' };
