import { getClassroom, remoteAddressOf } from '../../../lib/server/classroom.js';

export const dynamic = 'force-dynamic';

// Every class-mode endpoint under /api is answered by @coursekit/classroom's Fetch handler: the route
// table, CSRF, sessions and JSON errors (unknown paths and methods included) all live in the package.
function handle(request: Request): Promise<Response> {
  return getClassroom().handle(request, { remoteAddress: remoteAddressOf(request) });
}

export { handle as DELETE, handle as GET, handle as HEAD, handle as PATCH, handle as POST, handle as PUT };
