// Class-mode bench: for SQLite and PostgreSQL, one instance of test/serve.mjs (plain node:http, the built
// package) with a fresh database and a course whose quiz has 20 questions. Measures, beside two floors
// (a bare route of the same server that parses the same body and answers: on node:http itself, and as a
// Fetch handler mounted with toNodeListener like the classroom) in the same run:
//   - 300 and 1,000 students submitting a 20-question attempt at once,
//   - a steady 200 submissions per second for 5 seconds,
// each with requests/s, p50/p95/p99, server CPU per request (all the server's threads), errors, rows
// stored, and the latency of an unrelated GET /api/csrf sent every 10 ms from another thread during the
// load. `pnpm --filter @coursekit/classroom bench`.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startTestPostgres } from '../test/postgres-cluster';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const QUESTIONS = 20;
// `--quick`: small counts, to check that the bench runs (its figures mean nothing).
const QUICK = process.argv.includes('--quick');
const BURSTS = QUICK ? [30, 100] : [300, 1000];
const STEADY = QUICK ? 100 : 1000;
const PASSCODE = 'bench-teacher-passcode';
// `--engine=sqlite|postgres`: one engine only. `--cpu-prof=<dir>`: the server writes a V8 CPU profile there.
const ONLY = process.argv.find((arg) => arg.startsWith('--engine='))?.slice('--engine='.length);
// `--load=burst|steady`: only the bursts, or only the steady 200/s (each still beside its floors).
const LOAD = process.argv.find((arg) => arg.startsWith('--load='))?.slice('--load='.length);
const CPU_PROF_DIR = process.argv.find((arg) => arg.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);
// Node's fetch opens as many keep-alive connections per origin as there are requests in flight.

function benchCourse(dir: string): string {
  const course = join(dir, 'course');
  cpSync(join(packageDir, 'test', 'fixtures', 'course'), course, { recursive: true });
  const questions = Array.from({ length: QUESTIONS }, (_, i) =>
    [
      `  - id: q${i + 1}`,
      '    type: single',
      `    prompt: Question ${i + 1} of the bench quiz?`,
      '    choices:',
      '      - text: Right',
      '        correct: true',
      '      - text: Wrong',
      '      - text: Also wrong',
    ].join('\n'),
  );
  writeFileSync(
    join(course, 'quizzes', 'bench-twenty.yaml'),
    `id: bench-twenty\ntitle: Twenty questions\nbehaviour: deferred\npassMark: 50\nshuffleChoices: true\nquestions:\n${questions.join('\n')}\n`,
  );
  return course;
}

interface Student {
  cookie: string;
  csrf: string;
  responses: Record<string, string>;
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function client(url: string) {
  const jar = new Map<string, string>();
  cookiesOf(await fetch(`${url}/api/csrf`), jar);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: header(jar),
        'x-csrf-token': jar.get('ck_csrf') ?? '',
      },
      body: JSON.stringify(body),
    });
    cookiesOf(response, jar);
    return { status: response.status, body: await response.json() };
  };
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers: { cookie: header(jar) } });
    cookiesOf(response, jar);
    return { status: response.status, body: await response.json() };
  };
  return { jar, post, get };
}

async function prepareStudents(url: string, count: number): Promise<Student[]> {
  const teacher = await client(url);
  await teacher.post('/api/teacher/login', { passcode: PASSCODE });
  const { joinCode } = (await teacher.post('/api/classes', { name: `Bench ${count}` })).body;
  const students: Student[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, async (_, j) => {
        const student = await client(url);
        const joined = await student.post('/api/classes/join', {
          code: joinCode,
          displayName: `S${start + j}`,
        });
        if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
        const quiz = (await student.get('/api/quizzes/bench-twenty')).body.quiz;
        const responses: Record<string, string> = {};
        for (const question of quiz.questions) {
          const pick = question.choices[Math.floor(Math.random() * question.choices.length)];
          responses[question.id] = pick.id;
        }
        return { cookie: header(student.jar), csrf: student.jar.get('ck_csrf') ?? '', responses };
      }),
    );
    students.push(...batch);
  }
  return students;
}

/**
 * CPU time of a process, in ms: the sum over its threads (the event loop, libuv's pool doing the fsyncs,
 * V8's GC and compiler threads) of the nanoseconds each has run, from /proc/<pid>/task/<tid>/schedstat.
 * utime + stime in /proc/<pid>/stat counts 10 ms ticks, too coarse for a floor that costs 30 ms in all.
 */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

/**
 * The unrelated GET, sent every 10 ms from its own thread: in the load generator's event loop its latency
 * would include the time that loop spends sending and reading the load itself.
 */
function startSideGets(url: string): { ready: Promise<void>; stop: () => Promise<number[]> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const latencies = [];
     let running = true;
     parentPort.once('message', () => { running = false; });
     (async () => {
       // The first request (a new connection, undici loading) is not part of the load.
       await fetch(workerData + '/api/csrf').then((r) => r.arrayBuffer());
       parentPort.postMessage('ready');
       while (running) {
         const started = performance.now();
         await fetch(workerData + '/api/csrf').then((r) => r.arrayBuffer());
         latencies.push(performance.now() - started);
         await new Promise((r) => setTimeout(r, 10));
       }
       parentPort.postMessage(latencies);
     })();`,
    { eval: true, workerData: url },
  );
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return {
    ready,
    stop: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (latencies: number[]) => {
          void worker.terminate();
          resolve(latencies);
        });
        worker.once('error', reject);
        worker.postMessage('stop');
      }),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface Figures {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  cpuPerRequest: number;
  errors: number;
  acknowledged: number;
  rows: number | null;
  sideGetP50: number;
  sideGetP95: number;
  sideGetMax: number;
}

async function measure(
  label: string,
  url: string,
  pid: number,
  sends: (() => Promise<boolean>)[],
  schedule: 'burst' | { perSecond: number },
  countRows: (() => Promise<number>) | null,
): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let acknowledged = 0;
  const side = startSideGets(url);
  await side.ready;
  const cpuBefore = cpuMs(pid);
  const windowStart = process.hrtime.bigint() / 1000n;
  const started = performance.now();
  const one = async (send: () => Promise<boolean>) => {
    const t = performance.now();
    try {
      if (await send()) acknowledged++;
      else errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t);
  };
  if (schedule === 'burst') {
    await Promise.all(sends.map(one));
  } else {
    const gap = 1000 / schedule.perSecond;
    const pending: Promise<void>[] = [];
    for (const [index, send] of sends.entries()) {
      const due = started + index * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(one(send));
    }
    await Promise.all(pending);
  }
  const elapsed = performance.now() - started;
  const cpu = cpuMs(pid) - cpuBefore;
  // V8's profile timestamps are the same monotonic clock in µs: this window picks the load out of it.
  if (CPU_PROF_DIR)
    console.error(`profile window ${label}: ${windowStart} ${process.hrtime.bigint() / 1000n}`);
  const sideLatencies = await side.stop();
  latencies.sort((a, b) => a - b);
  sideLatencies.sort((a, b) => a - b);
  return {
    label,
    requests: sends.length,
    perSecond: (sends.length / elapsed) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuPerRequest: cpu / sends.length,
    errors,
    acknowledged,
    rows: countRows ? await countRows() : null,
    sideGetP50: percentile(sideLatencies, 50),
    sideGetP95: percentile(sideLatencies, 95),
    sideGetMax: sideLatencies.at(-1) ?? Number.NaN,
  };
}

async function startInstance(env: Record<string, string>) {
  const { spawn } = await import('node:child_process');
  const profile = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, join(packageDir, 'test', 'serve.mjs')], {
    env: { ...(process.env as Record<string, string>), ...env, TEACHER_PASSCODE: PASSCODE },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening (http:\/\/\S+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return { url, pid: child.pid as number, stop: () => child.kill('SIGTERM') };
}

type Server = Awaited<ReturnType<typeof startInstance>>;

/**
 * The floors of one load, measured right before it with the same bodies and schedule: `floor` is a bare
 * node:http route that reads and parses the body and answers; `Fetch floor` is the same route written as
 * a Fetch handler and mounted with `toNodeListener`, as the classroom is (so it pays for the Fetch
 * `Request` and `Response` the adapter makes, as a bare Next.js route pays for Next's).
 */
async function floors(
  server: Server,
  load: number | string,
  bodies: string[],
  schedule: 'burst' | { perSecond: number },
): Promise<Figures[]> {
  const at = typeof load === 'number' ? `${load} at once` : load;
  const post = (path: string, body: string) => async () => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    return response.ok;
  };
  // Unmeasured: opens the connections the load will use and warms both floors' code up (the load's code
  // is warm from preparing the students), so no floor pays for connecting or compiling and the load not.
  if (schedule === 'burst') {
    await Promise.all(bodies.map((body) => post('/floor', body)()));
    await Promise.all(bodies.map((body) => post('/fetch-floor', body)()));
  }
  const floor = await measure(
    `floor, ${at}`,
    server.url,
    server.pid,
    bodies.map((body) => post('/floor', body)),
    schedule,
    null,
  );
  const fetchFloor = await measure(
    `Fetch floor, ${at}`,
    server.url,
    server.pid,
    bodies.map((body) => post('/fetch-floor', body)),
    schedule,
    null,
  );
  return [floor, fetchFloor];
}

async function runEngine(
  engine: 'SQLite' | 'PostgreSQL',
  databaseUrl: string,
  courseDir: string,
  countRows: () => Promise<number>,
) {
  const server = await startInstance({ DATABASE_URL: databaseUrl, COURSE_DIR: courseDir });
  const rows: Figures[] = [];
  try {
    for (const count of LOAD === 'steady' ? [] : BURSTS) {
      const students = await prepareStudents(server.url, count);
      const submit = (student: Student, body: string) => async () => {
        const response = await fetch(`${server.url}/api/attempts`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: student.cookie,
            'x-csrf-token': student.csrf,
          },
          body,
        });
        await response.arrayBuffer();
        return response.status === 201;
      };
      const bodies = students.map((student) =>
        JSON.stringify({
          quizId: 'bench-twenty',
          idempotencyKey: crypto.randomUUID(),
          responses: student.responses,
        }),
      );
      rows.push(...(await floors(server, count, bodies, 'burst')));
      const before = await countRows();
      const burst = await measure(
        `${count} at once`,
        server.url,
        server.pid,
        students.map((s, i) => submit(s, bodies[i] as string)),
        'burst',
        async () => (await countRows()) - before,
      );
      rows.push(burst);
    }
    // Steady: 1,000 new students' attempts at 200/s (5 s), beside the floor at the same rate.
    if (LOAD === 'burst') return rows.map((row) => ({ engine, ...row }));
    const students = await prepareStudents(server.url, STEADY);
    const bodies = students.map((student) =>
      JSON.stringify({
        quizId: 'bench-twenty',
        idempotencyKey: crypto.randomUUID(),
        responses: student.responses,
      }),
    );
    rows.push(...(await floors(server, '200/s', bodies, { perSecond: 200 })));
    const before = await countRows();
    rows.push(
      await measure(
        '200/s steady',
        server.url,
        server.pid,
        students.map((student, i) => async () => {
          const r = await fetch(`${server.url}/api/attempts`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              cookie: student.cookie,
              'x-csrf-token': student.csrf,
            },
            body: bodies[i] as string,
          });
          await r.arrayBuffer();
          return r.status === 201;
        }),
        { perSecond: 200 },
        async () => (await countRows()) - before,
      ),
    );
  } finally {
    server.stop();
  }
  return rows.map((row) => ({ engine, ...row }));
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

const dir = mkdtempSync(join(tmpdir(), 'coursekit-bench-'));
const courseDir = benchCourse(dir);
const all: (Figures & { engine: string })[] = [];
let failed = false;
try {
  const sqlitePath = join(dir, 'bench.db');
  if (ONLY !== 'postgres')
    all.push(
      ...(await runEngine('SQLite', sqlitePath, courseDir, async () => {
        const db = new Database(sqlitePath, { readonly: true });
        try {
          return (db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;
        } finally {
          db.close();
        }
      })),
    );
  const postgres = ONLY === 'sqlite' ? undefined : await startTestPostgres();
  if (postgres)
    try {
      const url = await postgres.createDatabase();
      all.push(
        ...(await runEngine('PostgreSQL', url, courseDir, async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return Number((await client.query('SELECT COUNT(*) AS n FROM attempts')).rows[0].n);
          } finally {
            await client.end();
          }
        })),
      );
    } finally {
      await postgres?.stop();
    }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\n@coursekit/classroom bench: ${QUESTIONS}-question attempts, one node:http instance, Node ${process.version}, ` +
    `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end\n`,
);
console.log(
  '| engine | load | requests/s | p50 | p95 | p99 | server CPU / request | errors | rows stored | unrelated GET p50 / p95 / max |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of all) {
  const rowsStored = row.rows === null ? '—' : `${row.rows} of ${row.acknowledged}`;
  console.log(
    `| ${row.engine} | ${row.label} | ${row.perSecond.toFixed(0)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ` +
      `${row.cpuPerRequest.toFixed(3)} ms | ${row.errors} | ${rowsStored} | ${ms(row.sideGetP50)} / ${ms(row.sideGetP95)} / ${ms(row.sideGetMax)} |`,
  );
  if (row.errors > 0 || (row.rows !== null && row.rows !== row.acknowledged)) failed = true;
}
const ratio = (value: number, floor: number) => (floor > 0 ? `${(value / floor).toFixed(1)}×` : '—');
// Each load is measured right after its floor, so the two share the machine's state.
console.log(
  '\nAgainst the floors measured just before (goals: CPU ≤ 1.5×, p99 ≤ 1.5×; bare node:http floor / Fetch floor):\n',
);
all.forEach((row, index) => {
  const floor = all[index - 2];
  const fetchFloor = all[index - 1];
  if (row.rows === null || !floor || !fetchFloor || fetchFloor.rows !== null) return;
  console.log(
    `- ${row.engine}, ${row.label}: server CPU ${ratio(row.cpuPerRequest, floor.cpuPerRequest)} / ` +
      `${ratio(row.cpuPerRequest, fetchFloor.cpuPerRequest)} the floors', ` +
      `p99 ${ratio(row.p99, floor.p99)} / ${ratio(row.p99, fetchFloor.p99)}`,
  );
});
if (failed) {
  console.error('\nbench: errors, or rows stored differ from acknowledgements');
  process.exitCode = 1;
}
