#!/usr/bin/env node
// Benchmark: 300 students submitting quiz attempts at once to the production server.
//
// Starts `next start` on a free 127.0.0.1 port with a fresh SQLite file, has a teacher create a class and
// STUDENTS students join it and open every quiz of the course (preparation, not measured), then sends
// every student's first attempt at every quiz over CONNECTIONS concurrent connections with autocannon
// and prints requests per second, p50/p99 latency and errors. Exits 1 if any request failed.
//
//   pnpm --filter @coursekit/teach run bench        (after `pnpm --filter @coursekit/teach run build`)
//   BENCH_STUDENTS=600 BENCH_CONNECTIONS=300 node bench/attempts.mjs
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 300);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300);
const MAX_SECONDS = 20;
const PASSCODE = `bench-${randomUUID()}`;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A well-formed answer to every question of a public quiz (right or wrong does not matter here). */
function answersFor(quiz) {
  const responses = {};
  for (const q of quiz.questions) {
    switch (q.type) {
      case 'single':
        responses[q.id] = q.choices[0].id;
        break;
      case 'multiple':
        responses[q.id] = q.choices.slice(0, 2).map((c) => c.id);
        break;
      case 'truefalse':
        responses[q.id] = true;
        break;
      case 'short':
        responses[q.id] = 'equidistance';
        break;
      case 'numeric':
        responses[q.id] = 2019;
        break;
      case 'ordering':
        responses[q.id] = q.items.map((item) => item.id);
        break;
      case 'matching':
        responses[q.id] = Object.fromEntries(
          q.left.map((left, i) => [left.id, q.right[i % q.right.length].id]),
        );
        break;
      case 'categorise':
        responses[q.id] = Object.fromEntries(q.items.map((item) => [item.id, q.categories[0].id]));
        break;
      case 'cloze':
        responses[q.id] = Object.fromEntries(
          q.blanks.map((blank) => [blank.id, blank.kind === 'choice' ? blank.choices[0].id : 'sanctions']),
        );
        break;
      case 'essay':
        responses[q.id] = 'The two peripheries are linked because Moscow needs partners. '.repeat(20);
        break;
    }
  }
  return responses;
}

/** A tiny cookie-keeping client for the preparation steps. */
class Client {
  cookies = new Map();
  constructor(base) {
    this.base = base;
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async send(method, path, body) {
    const headers = { cookie: this.header() };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = this.cookies.get('ck_csrf') ?? '';
    }
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const data = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
    return data;
  }
}

async function inBatches(count, size, task) {
  const results = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, i) => task(start + i));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

async function main() {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  if (!existsSync(join(appDir, '.next', 'BUILD_ID'))) {
    console.log('No production build yet: running `next build` first.');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: appDir, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'coursekit-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: appDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: join(dir, 'bench.db'),
        TEACHER_PASSCODE: PASSCODE,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = () => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/csrf`)).ok) break;
      } catch {}
      if (i > 400) throw new Error('the server did not start');
      await new Promise((wait) => setTimeout(wait, 150));
    }

    const teacher = new Client(base);
    await teacher.send('GET', '/api/csrf');
    await teacher.send('POST', '/api/teacher/login', { passcode: PASSCODE });
    const { id: classId, joinCode } = await teacher.send('POST', '/api/classes', { name: 'Benchmark class' });
    const dashboard = await teacher.send('GET', `/api/classes/${classId}/dashboard`);
    const quizIds = dashboard.lessons.map((lesson) => lesson.quizId).filter(Boolean);

    const started = Date.now();
    const submissions = (
      await inBatches(STUDENTS, 50, async (n) => {
        const student = new Client(base);
        await student.send('GET', '/api/csrf');
        await student.send('POST', '/api/classes/join', { code: joinCode, displayName: `Student ${n + 1}` });
        const mine = [];
        for (const quizId of quizIds) {
          const view = await student.send('GET', `/api/quizzes/${quizId}`);
          mine.push({
            headers: {
              cookie: student.header(),
              'x-csrf-token': student.cookies.get('ck_csrf'),
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              quizId,
              idempotencyKey: randomUUID(),
              attemptNumber: view.attempt.number,
              responses: answersFor(view.quiz),
            }),
          });
        }
        return mine;
      })
    ).flat();
    // Interleave students (Fisher–Yates) so that concurrent requests come from different students.
    for (let i = submissions.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [submissions[i], submissions[j]] = [submissions[j], submissions[i]];
    }
    console.log(
      `prepared ${STUDENTS} students × ${quizIds.length} quizzes = ${submissions.length} submissions ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    // Warm-up outside the measurement: the first request loads and compiles the route.
    const warm = new Client(base);
    await warm.send('GET', '/api/csrf');
    const spare = await teacher.send('POST', '/api/classes', { name: 'Warm-up' });
    await warm.send('POST', '/api/classes/join', { code: spare.joinCode, displayName: 'Warm-up' });
    for (const quizId of quizIds) {
      const view = await warm.send('GET', `/api/quizzes/${quizId}`);
      await warm.send('POST', '/api/attempts', {
        quizId,
        idempotencyKey: randomUUID(),
        responses: answersFor(view.quiz),
      });
    }

    let next = 0;
    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      amount: submissions.length,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: '/api/attempts',
          setupRequest: (request) => {
            const submission = submissions[next++ % submissions.length];
            return { ...request, headers: submission.headers, body: submission.body };
          },
        },
      ],
    });
    const guard = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
    const result = await new Promise((resolve, reject) => instance.on('done', resolve).on('error', reject));
    clearTimeout(guard);

    const stored = await teacher.send('GET', `/api/classes/${classId}/dashboard`);
    const attempts = stored.students.reduce(
      (sum, s) => sum + Object.values(s.lessons).reduce((n, cell) => n + cell.attempts, 0),
      0,
    );
    const failures = result.errors + result.timeouts + result.non2xx;
    console.log(
      [
        '',
        `POST /api/attempts, ${CONNECTIONS} connections, ${STUDENTS} students, ${result.requests.total} requests ` +
          `in ${result.duration.toFixed(1)} s (Node ${process.version}, ${process.platform})`,
        `  requests/s   ${result.requests.average.toFixed(0)} average`,
        `  latency      p50 ${result.latency.p50} ms   p90 ${result.latency.p90} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`,
        `  errors       ${failures} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`,
        `  stored       ${attempts} attempts in the database`,
        '',
      ].join('\n'),
    );
    if (failures > 0 || attempts !== result.requests.total) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
