// Bodies the package already holds as bytes or text, so that its own node:http adapter need not pass them
// through a Fetch stream a second time. The `Request` and `Response` objects stay complete: any other
// reader (a Next.js route, a Fetch framework) reads their bodies as usual; these maps are only a shortcut.

const requestBodies = new WeakMap<Request, Uint8Array>();
const responseBodies = new WeakMap<Response, string>();

/** Called by the adapter that read the whole body before making `request` with that same body. */
export function rememberRequestBody(request: Request, body: Uint8Array): Request {
  requestBodies.set(request, body);
  return request;
}

/** The body `request` was made with, when the adapter read it whole; undefined: read the stream. */
export function knownRequestBody(request: Request): Uint8Array | undefined {
  if (request.bodyUsed) return undefined;
  return requestBodies.get(request);
}

/** A JSON response (as `Response.json`) whose text the adapter can write without reading it back. */
export function jsonResponse(body: unknown, init?: ResponseInit): Response {
  const text = JSON.stringify(body);
  if (text === undefined) throw new TypeError('jsonResponse: the body cannot be written as JSON');
  const headers = new Headers(init?.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = new Response(text, { ...init, headers });
  responseBodies.set(response, text);
  return response;
}

/** The text `response` was made with, when it came from `jsonResponse` and nobody has read it. */
export function knownResponseText(response: Response): string | undefined {
  if (response.bodyUsed) return undefined;
  return responseBodies.get(response);
}
