import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Classroom } from './api';
import { knownResponseText, rememberRequestBody } from './known-bodies';

// The parts of node:http's request and response this adapter uses, so that the package's types do not
// need @types/node (a real IncomingMessage and ServerResponse fit them; the body is read from the real
// IncomingMessage stream).
export interface NodeRequest {
  url?: string | undefined;
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string | undefined };
}

export interface NodeResponse {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(chunk?: string | Uint8Array): unknown;
}

/**
 * Bodies that declare a length up to this are read whole before the `Request` is made: a buffer is far
 * cheaper for Fetch to hand on than a Node stream turned into a web stream. Longer or chunked bodies are
 * streamed, so the handlers' own limits refuse them without reading them.
 */
const BUFFERED_BODY_BYTES = 64 * 1024;

/** The whole body of a request; rejects when the client goes away before sending all of it. */
function readWholeBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    stream.once('error', reject);
    stream.once('close', () => {
      if (!stream.complete) reject(new Error('the client closed the connection before sending the body'));
    });
  });
}

/**
 * A `node:http` request listener for a classroom: turns the request into a Fetch `Request` (with the socket
 * address for rate limits), answers it with `classroom.handle`, and writes the `Response` back. Requests
 * outside `classroom.basePath` go to `fallback` (default: 404).
 */
export function toNodeListener<Req extends NodeRequest, Res extends NodeResponse>(
  classroom: Classroom,
  fallback: (req: Req, res: Res) => void = (_req, res) => {
    res.statusCode = 404;
    res.end();
  },
): (req: Req, res: Res) => void {
  return (req, res) => {
    const path = req.url ?? '/';
    if (path !== classroom.basePath && !path.startsWith(`${classroom.basePath}/`)) {
      fallback(req, res);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const url = `http://${req.headers.host ?? 'localhost'}${path}`;
    const stream = req as unknown as IncomingMessage;
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    const request: Promise<Request> = !hasBody
      ? Promise.resolve(new Request(url, { method, headers }))
      : Number.isSafeInteger(declared) && declared >= 0 && declared <= BUFFERED_BODY_BYTES
        ? readWholeBody(stream).then(
            // Node's buffers of a request body sit on plain (not shared) ArrayBuffers.
            (body) =>
              rememberRequestBody(
                new Request(url, { method, headers, body: body as Uint8Array<ArrayBuffer> }),
                body,
              ),
          )
        : Promise.resolve(
            new Request(url, {
              method,
              headers,
              body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
              duplex: 'half',
            } as RequestInit),
          );
    request
      .then((fetchRequest) => classroom.handle(fetchRequest, { remoteAddress: req.socket.remoteAddress }))
      .then(async (response) => {
        res.statusCode = response.status;
        for (const [name, value] of response.headers) {
          if (name !== 'set-cookie') res.setHeader(name, value);
        }
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) res.setHeader('set-cookie', cookies);
        if (method === 'HEAD') res.end();
        else res.end(knownResponseText(response) ?? Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        console.error('[coursekit] could not answer a request:', error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };
}
