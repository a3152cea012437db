import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/cli-io.js';
import { runCli } from '../cli-program.js';
import { checkCartridge } from './check-cartridge.js';

const fixtures = new URL('../../test/fixtures/', import.meta.url).pathname;

let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursekit-export-'));
  await cp(join(fixtures, 'example-course'), join(work, 'course'), { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function unzipped(path: string): Promise<Map<string, string>> {
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  return new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('coursekit export cc', () => {
  it('writes a cartridge of student pages, the glossary and LTI links that passes the profile checks', async () => {
    const { io, output } = captureIo(work);
    const code = await runCli(
      ['export', 'cc', 'course', '--lti-url', 'https://tool.example.org/lti/launch'],
      io,
    );
    expect(output.stderr).toBe('');
    expect(code).toBe(0);
    expect(output.stdout).toContain(
      'wrote water-cycle.imscc: Common Cartridge 1.3 with 2 lessons, the glossary and 2 quizzes as LTI links',
    );
    const files = await unzipped(join(work, 'water-cycle.imscc'));
    expect(checkCartridge(files)).toEqual([]);
    const lesson = files.get('web/lessons/evaporation.html') as string;
    // Teacher-only text stays out: the :::instructor block and the front matter's instructorNotes.
    expect(lesson).not.toContain('Ten minutes: hang two wet cloths');
    expect(lesson).not.toContain('Start with a wet cloth');
    expect(lesson).toContain('<h1>');
    expect(lesson).toMatch(/<span class="citation">\([^)]+\)<\/span>/);
    expect(lesson).toMatch(/href="\.\.\/glossary\.html#term-evaporation"/);
    expect(files.get('web/glossary.html')).toContain('id="term-evaporation"');
    const link = files.get('lti/evaporation.xml') as string;
    expect(link).toContain('<lticm:property name="quiz_id">evaporation</lticm:property>');
    expect(link).toContain('<blti:launch_url>https://tool.example.org/lti/launch</blti:launch_url>');
  });

  it('with --qti carries the quizzes as Common Cartridge QTI assessments', async () => {
    const { io } = captureIo(work);
    expect(await runCli(['export', 'cc', 'course', '--qti', '--out', 'out/course.imscc'], io)).toBe(0);
    const files = await unzipped(join(work, 'out', 'course.imscc'));
    expect(checkCartridge(files)).toEqual([]);
    const manifest = files.get('imsmanifest.xml') as string;
    expect(manifest).toContain('type="imsqti_xmlv1p2/imscc_xmlv1p3/assessment"');
    expect(files.get('assessments/evaporation/assessment.xml')).toContain(
      '<fieldentry>cc.exam.v0p1</fieldentry>',
    );
  });

  it('warns, at the lesson, about a link to a file the cartridge does not hold', async () => {
    const lessonFile = join(work, 'course', 'lessons', '01-evaporation.mdx');
    await writeFile(
      lessonFile,
      `${await readFile(lessonFile, 'utf8')}\nSee [the worksheet](worksheet.pdf).\n`,
    );
    const { io, output } = captureIo(work);
    expect(await runCli(['export', 'cc', 'course', '--lti-url', 'https://tool.example.org/lti'], io)).toBe(0);
    expect(output.stdout).toMatch(
      /course\/lessons\/01-evaporation\.mdx:1:1 {2}warning {2}web\/lessons\/evaporation\.html links to web\/lessons\/worksheet\.pdf, which is not in the package; .+ {2}cc\/webcontent-link/,
    );
  });

  it('asks how to carry the quizzes, and writes nothing, when neither --lti-url nor --qti is given', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['export', 'cc', 'course'], io)).toBe(2);
    expect(output.stderr).toContain('--lti-url <the tool launch URL>');
    expect(await readdir(work)).toEqual(['course']);
  });

  it('refuses a launch URL that is not http(s)', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['export', 'cc', 'course', '--lti-url', 'javascript:alert(1)'], io)).toBe(2);
    expect(output.stderr).toBe('coursekit: --lti-url must be an http(s) URL (got javascript:)\n');
  });

  it('reports content errors and writes nothing for a broken course', async () => {
    await writeFile(join(work, 'course', 'course.yaml'), 'id: Not A Slug\n');
    const { io, output } = captureIo(work);
    expect(await runCli(['export', 'cc', 'course', '--qti'], io)).toBe(1);
    expect(output.stdout).toContain('nothing was written');
    expect(await readdir(work)).toEqual(['course']);
  });
});

describe('coursekit export qti', () => {
  it('writes one QTI package of every quiz and places what QTI cannot carry in the quiz file', async () => {
    const quizFile = join(work, 'course', 'quizzes', 'evaporation.yaml');
    const quiz = await readFile(quizFile, 'utf8');
    await writeFile(
      quizFile,
      quiz.replace('    points: 1\n', '    points: 1\n    hints: [Think of a puddle on a warm day.]\n'),
    );
    const { io, output } = captureIo(work);
    expect(await runCli(['export', 'qti', 'course'], io)).toBe(0);
    const files = await unzipped(join(work, 'water-cycle-qti.zip'));
    expect([...files.keys()].filter((path) => path.startsWith('tests/')).sort()).toEqual([
      'tests/condensation-and-rain.xml',
      'tests/evaporation.xml',
    ]);
    expect(files.get('imsmanifest.xml')).toContain('<schema>QTI Package</schema>');
    // The hint is on line 11 of the quiz file, where the author wrote it.
    expect(output.stdout).toMatch(
      /course\/quizzes\/evaporation\.yaml:11:\d+ {2}warning {2}hints are left out.+ {2}qti\/hints/,
    );
  });

  it('exports one quiz with --quiz and suggests the id for a typo', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['export', 'qti', 'course', '--quiz', 'evaporation', '--out', 'one.zip'], io)).toBe(
      0,
    );
    const files = await unzipped(join(work, 'one.zip'));
    expect([...files.keys()].filter((path) => path.startsWith('tests/'))).toEqual(['tests/evaporation.xml']);
    expect(await runCli(['export', 'qti', 'course', '--quiz', 'evaporaton'], io)).toBe(2);
    expect(output.stderr).toContain("no quiz 'evaporaton' in this course (did you mean 'evaporation'?)");
  });
});

describe('checkCartridge', () => {
  async function cartridge() {
    const { io } = captureIo(work);
    await runCli(['export', 'cc', 'course', '--lti-url', 'https://tool.example.org/lti'], io);
    return unzipped(join(work, 'water-cycle.imscc'));
  }

  it('finds a listed file that is missing and a file that no resource lists', async () => {
    const files = await cartridge();
    files.delete('web/glossary.html');
    files.set('stray.txt', 'left behind');
    const rules = checkCartridge(files).map((problem) => problem.rule);
    expect(rules).toContain('cc/file-exists');
    expect(rules).toContain('cc/file-listed');
    // The lessons link to the glossary page that is gone.
    expect(rules).toContain('cc/webcontent-link');
  });

  it('finds references to unknown resources, duplicate identifiers and a relative launch URL', async () => {
    const files = await cartridge();
    const manifest = files.get('imsmanifest.xml') as string;
    files.set(
      'imsmanifest.xml',
      manifest
        .replace('identifierref="res-glossary"', 'identifierref="res-nowhere"')
        .replace('identifier="module-glossary"', 'identifier="root"'),
    );
    files.set(
      'lti/evaporation.xml',
      (files.get('lti/evaporation.xml') as string).replaceAll('https://tool.example.org/lti', '/lti'),
    );
    const rules = checkCartridge(files).map((problem) => problem.rule);
    expect(rules).toContain('cc/identifierref');
    expect(rules).toContain('cc/identifier-unique');
    expect(rules).toContain('cc/lti-link');
  });
});
