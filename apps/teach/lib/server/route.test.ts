import { NextResponse } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CourseFolderError } from './course-error';
import { ApiError } from './errors';
import { apiRoute } from './route';
import { setStorage } from './storage/index';
import type { SqliteStorage } from './storage/sqlite';
import { memoryStorage } from './testing';

let storage: SqliteStorage;
beforeAll(() => {
  process.env.TEACHER_PASSCODE = 'route-test-passcode';
  storage = memoryStorage();
  setStorage(storage);
});
afterAll(async () => {
  setStorage(undefined);
  await storage.close();
});

const get = () => new Request('http://127.0.0.1:3000/api/x');

describe('apiRoute', () => {
  it('passes the handler’s response through and hands out the CSRF cookie on reads', async () => {
    const response = await apiRoute(async () => NextResponse.json({ ok: 1 }))(get());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toMatch(/^ck_csrf=/);
  });

  it('answers an ApiError with its status and JSON body', async () => {
    const response = await apiRoute(async () => {
      throw new ApiError(404, 'unknown-thing', 'There is no such thing.');
    })(get());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'unknown-thing', message: 'There is no such thing.' },
    });
  });

  it('answers a broken course with 503 and anything unexpected with a 500 that shows no stack trace', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = await apiRoute(async () => {
      throw new CourseFolderError('/course', ['course.yaml:1:1  error  bad  rule']);
    })(get());
    expect(broken.status).toBe(503);
    expect((await broken.json()).error.code).toBe('course-unavailable');
    const crashed = await apiRoute(async () => {
      throw new TypeError('secret detail at /srv/app/file.ts:12');
    })(get());
    expect(crashed.status).toBe(500);
    const text = await crashed.text();
    expect(JSON.parse(text).error.code).toBe('internal-error');
    expect(text).not.toContain('secret detail');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('checks CSRF before running a state-changing handler', async () => {
    let ran = false;
    const response = await apiRoute(async () => {
      ran = true;
      return NextResponse.json({});
    })(new Request('http://127.0.0.1:3000/api/x', { method: 'POST' }));
    expect(response.status).toBe(403);
    expect(ran).toBe(false);
  });
});
