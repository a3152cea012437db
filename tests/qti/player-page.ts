// A static page on 127.0.0.1 that renders QTI 3 items with @citolab/qti-components, an implementation
// independent of coursekit's, and a server for it that the test stops.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const citolabDir = dirname(require.resolve('@citolab/qti-components/package.json'));

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>QTI player</title>
<link rel="stylesheet" href="/item.css"></head>
<body><main id="stage"></main>
<script type="module">
  import { qtiTransformItem } from '/qti-components.js';
  window.loadItem = async (path) => {
    const xml = await (await fetch('/package/' + path)).text();
    const stage = document.getElementById('stage');
    stage.replaceChildren(qtiTransformItem().parse(xml).htmlDoc());
    await customElements.whenDefined('qti-assessment-item');
    const item = stage.querySelector('qti-assessment-item');
    await item.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  };
  window.itemReady = true;
</script></body></html>`;

export interface PlayerServer {
  url: string;
  close(): Promise<void>;
}

export async function startPlayerServer(files: ReadonlyMap<string, Buffer>): Promise<PlayerServer> {
  const script = readFileSync(join(citolabDir, 'cdn', 'index.js'));
  const css = readFileSync(join(citolabDir, 'dist', 'item.css'));
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    if (path === '/') return send(200, 'text/html; charset=utf-8', page);
    if (path === '/qti-components.js') return send(200, 'text/javascript', script);
    if (path === '/item.css') return send(200, 'text/css', css);
    const file = path.startsWith('/package/') ? files.get(path.slice('/package/'.length)) : undefined;
    if (file) return send(200, 'application/xml', file);
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
