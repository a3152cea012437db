import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Classroom } from './api';

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
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${path}`, {
      method,
      headers,
      ...(hasBody
        ? {
            body: Readable.toWeb(req as unknown as IncomingMessage) as ReadableStream<Uint8Array>,
            duplex: 'half',
          }
        : {}),
    } as RequestInit);
    classroom
      .handle(request, { remoteAddress: req.socket.remoteAddress })
      .then(async (response) => {
        res.statusCode = response.status;
        for (const [name, value] of response.headers) {
          if (name !== 'set-cookie') res.setHeader(name, value);
        }
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) res.setHeader('set-cookie', cookies);
        res.end(method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        console.error('[coursekit] could not answer a request:', error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };
}
