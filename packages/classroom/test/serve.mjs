// One class-mode instance on plain node:http, from the built package: `node test/serve.mjs`. Reads
// DATABASE_URL, COURSE_DIR, TEACHER_PASSCODE, SESSION_SECRET and TRUST_PROXY like any deployment; PORT
// (default 0: any free port) and HOST (default 127.0.0.1). Prints `listening <url>` once it answers.
// The multi-instance tests and the bench start it as a child process so that they can kill -9 it.
import { createServer } from 'node:http';
import { createClassroom, toNodeListener } from '../dist/index.js';

const classroom = createClassroom();
await classroom.ready();

// A bare route of the same server that reads and parses the body and answers: the bench's floor.
const floor = (req, res) => {
  if (req.url !== '/floor') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, keys: body ? Object.keys(body).length : 0 }));
  });
};

// The same route as a Fetch handler mounted like the classroom: what the Fetch adapter itself costs.
const fetchFloor = toNodeListener(
  {
    basePath: '/fetch-floor',
    handle: async (request) => {
      const text = await request.text();
      const body = text === '' ? null : JSON.parse(text);
      return Response.json({ ok: true, keys: body ? Object.keys(body).length : 0 });
    },
  },
  floor,
);

const server = createServer(toNodeListener(classroom, fetchFloor));
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => classroom.close().then(() => process.exit(0))));
}
