import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/app-files.mjs', import.meta.url));
const template = fileURLToPath(new URL('../template/', import.meta.url));
const teach = fileURLToPath(new URL('../../../apps/teach/', import.meta.url));

function check(appDir: string): { status: number; stderr: string } {
  try {
    execFileSync(process.execPath, [script, appDir, '--check'], { stdio: 'pipe' });
    return { status: 0, stderr: '' };
  } catch (error) {
    const failure = error as { status: number; stderr: Buffer };
    return { status: failure.status, stderr: String(failure.stderr) };
  }
}

describe('the app files of a project', () => {
  it.each([
    ['template/app', `${template}app`],
    ['apps/teach/app', `${teach}app`],
  ])('%s re-exports every route of @coursekit/next, segment config written out', (_name, dir) => {
    expect(check(dir)).toEqual({ status: 0, stderr: '' });
  });

  it('writes segment config literally, where Next.js reads it, and re-exports the rest', () => {
    const lesson = readFileSync(`${template}app/lessons/[id]/page.tsx`, 'utf8');
    expect(lesson).toBe(
      "export { default, generateMetadata, generateStaticParams } from '@coursekit/next/app/lessons/[id]/page';\n" +
        'export const dynamicParams = false;\n',
    );
    expect(readFileSync(`${template}app/error.tsx`, 'utf8')).toMatch(/^'use client';\n/);
  });

  it('is the same proxy, instrumentation and config in the template as in apps/teach, but for course/', () => {
    for (const file of ['proxy.ts', 'instrumentation.ts']) {
      expect(readFileSync(`${template}${file}`, 'utf8'), file).toBe(readFileSync(`${teach}${file}`, 'utf8'));
    }
    expect(readFileSync(`${template}next.config.ts`, 'utf8')).toContain(
      "withCoursekit({}, { courseDir: 'course' })",
    );
  });

  it('fails the check for an app file that is missing', () => {
    const result = check('/nonexistent-coursekit-app');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is not the re-export of @coursekit/next's page.tsx");
  });
});
