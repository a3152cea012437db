import { notFound } from '@/lib/server/errors';
import { jsonError } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// Unknown API paths answer in JSON like every other API error, not with the HTML 404 page.
async function unknownEndpoint(request: Request): Promise<Response> {
  return jsonError(
    notFound(
      'unknown-endpoint',
      `There is no API endpoint ${request.method} ${new URL(request.url).pathname}.`,
    ),
  );
}

export {
  unknownEndpoint as DELETE,
  unknownEndpoint as GET,
  unknownEndpoint as PATCH,
  unknownEndpoint as POST,
  unknownEndpoint as PUT,
};
