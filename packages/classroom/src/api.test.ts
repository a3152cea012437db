import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Classroom, createClassroom } from './api';
import { SqliteStore } from './storage/sqlite';
import { Browser, fixtureCourseDir, memoryStore } from './testing';

let classroom: Classroom;
beforeAll(() => {
  classroom = createClassroom({
    store: memoryStore(),
    courseDir: fixtureCourseDir,
    env: { TEACHER_PASSCODE: 'route-test-passcode' },
    log: () => {},
  });
});
afterAll(() => classroom.close());

const get = (path: string) => new Request(`http://127.0.0.1:3000${path}`);

describe('createClassroom().handle', () => {
  it('hands out the CSRF cookie on reads and marks answers as not cacheable', async () => {
    const response = await classroom.handle(get('/api/csrf'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toMatch(/^ck_csrf=/);
  });

  it('answers unknown endpoints and paths outside the mount with a JSON 404', async () => {
    for (const path of ['/api/nope', '/api/quizzes/a/b', '/elsewhere']) {
      const response = await classroom.handle(get(path));
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('unknown-endpoint');
    }
  });

  it('answers a malformed percent-encoding in the path with a JSON 400', async () => {
    for (const path of ['/api/quizzes/%E0%A4%A', '/api/classes/%ZZ/dashboard', '/api/quizzes/%']) {
      const response = await classroom.handle(get(path));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect((await response.json()).error.code).toBe('invalid-path');
    }
  });

  it('checks CSRF before running a state-changing handler', async () => {
    const response = await classroom.handle(
      new Request('http://127.0.0.1:3000/api/classes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"x"}',
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('csrf-cookie-missing');
  });

  it('refuses JSON nested deeper than the limit with a 400 before anything walks it', async () => {
    const browser = new Browser();
    browser.remember(await classroom.handle(browser.request('/api/csrf')));
    browser.remember(await classroom.handle(browser.request('/api/quizzes/summits-and-workers')));
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await classroom.handle(
      browser.request('/api/attempts', {
        body: `{"quizId":"summits-and-workers","idempotencyKey":"key-deep-0001","responses":{"summit-city":${deep}}}`,
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('too-deeply-nested');
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('answers a broken course with 503 and no stack trace, and logs the problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursekit-broken-'));
    writeFileSync(join(dir, 'course.yaml'), 'id: [unclosed\n');
    const broken = createClassroom({
      store: memoryStore(),
      courseDir: dir,
      env: { TEACHER_PASSCODE: 'x'.repeat(10) },
      log: () => {},
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await broken.handle(get('/api/quizzes/anything'));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('course-unavailable');
    expect(text).not.toContain(dir);
    expect(log.mock.calls.flat().join(' ')).toContain('course.yaml');
    log.mockRestore();
    await broken.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops writes with a 503 and a log line once the database file is deleted under it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursekit-gone-'));
    const path = join(dir, 'class.db');
    const onFile = createClassroom({
      store: SqliteStore.open(path),
      courseDir: fixtureCourseDir,
      env: { TEACHER_PASSCODE: 'route-test-passcode' },
      log: () => {},
    });
    const browser = new Browser();
    browser.remember(await onFile.handle(browser.request('/api/csrf')));
    const login = () =>
      onFile.handle(browser.request('/api/teacher/login', { body: { passcode: 'route-test-passcode' } }));
    expect(browser.remember(await login()).status).toBe(200);
    rmSync(path);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await onFile.handle(browser.request('/api/classes', { body: { name: 'Period 9' } }));
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('storage-unavailable');
    expect(log.mock.calls.flat().join(' ')).toMatch(/class\.db was deleted while the server was running/);
    log.mockRestore();
    await onFile.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
