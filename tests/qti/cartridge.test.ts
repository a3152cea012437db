// `coursekit export cc` on both shipped courses, run as a user runs it (the built bin), and the cartridge read
// back with yauzl and fast-xml-parser, not with the code that wrote it.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../support/server.js';
import { readZip } from './package-reader.js';

const run = promisify(execFile);
const cli = join(
  dirname(createRequire(import.meta.url).resolve('@coursekit/mdx/package.json')),
  'dist',
  'cli.js',
);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

type Node = Record<string, unknown>;
function children(node: unknown, name: string): Node[] {
  return ((node as Node | undefined)?.[name] as Node[] | undefined) ?? [];
}
function textOf(node: Node | undefined): string {
  const value = node?.['#text'] ?? node;
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : String(value ?? '');
}

const courses = [
  { name: 'Gettysburg Address', dir: join(repoRoot, 'examples', 'gettysburg-address') },
  { name: 'Two Peripheries', dir: join(repoRoot, 'apps', 'teach', 'content', 'two-peripheries') },
];

let work = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursekit-cc-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * What a student must never see, as written in the lessons: each line of the `:::instructor` blocks and
 * the `instructorNotes`. Only plain-prose lines are kept (no Markdown or citation syntax, which the page
 * would show transformed), so each must be absent from the page's text word for word.
 */
/** Every string anywhere in a value, in order. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

async function teacherTexts(dir: string): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  for (const name of await readdir(join(dir, 'lessons'))) {
    const source = await readFile(join(dir, 'lessons', name), 'utf8');
    const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') as {
      id: string;
      instructorNotes?: string;
    };
    const lines = [...source.matchAll(/^:::instructor[^\n]*\n([\s\S]*?)\n:::$/gm)].flatMap((match) =>
      (match[1] as string).split('\n'),
    );
    if (frontmatter.instructorNotes) lines.push(frontmatter.instructorNotes);
    const prose = lines
      .map((line) =>
        line
          .replace(/^\s*(\d+\.|[-*])\s+/, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((line) => line.length > 30 && !/[[\]*_`<>{}#]/.test(line));
    // A teacher's note may quote what students also read (a key point, the article): only the rest is secret.
    const { instructorNotes: _notes, ...visibleMatter } = frontmatter;
    const body = source
      .replace(/^---\n[\s\S]*?\n---/, '')
      .replace(/^:::instructor[^\n]*\n[\s\S]*?\n:::$/gm, '');
    const studentSource = [...stringsIn(visibleMatter), body].join(' ').replace(/\s+/g, ' ');
    texts.set(
      frontmatter.id,
      prose.filter((line) => !studentSource.includes(line)),
    );
  }
  return texts;
}

/** The text a reader sees on a page: tags dropped, character references decoded, spacing collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe.each(courses)('the Common Cartridge of $name', ({ dir }) => {
  let files: Map<string, Buffer>;
  let manifest: Node;
  const text = (path: string) => (files.get(path) as Buffer).toString('utf8');

  beforeAll(async () => {
    const out = join(work, `${posix.basename(dir)}.imscc`);
    const { stdout } = await run(process.execPath, [
      cli,
      'export',
      'cc',
      dir,
      '--lti-url',
      'https://tool.example.org/lti/launch',
      '--out',
      out,
    ]);
    expect(stdout).toMatch(
      /wrote .*\.imscc: Common Cartridge 1\.3 with \d+ lessons, the glossary and \d+ quizzes as LTI links/,
    );
    files = await readZip(await readFile(out));
    manifest = children(parser.parse(text('imsmanifest.xml')), 'manifest')[0] as Node;
  });

  test('is a Common Cartridge 1.3 manifest whose every file exists, and every file is listed', () => {
    expect(manifest.xmlns).toBe('http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1');
    const metadata = children(manifest, 'metadata')[0];
    expect(textOf(children(metadata, 'schema')[0])).toBe('IMS Common Cartridge');
    expect(textOf(children(metadata, 'schemaversion')[0])).toBe('1.3.0');
    const resources = children(children(manifest, 'resources')[0], 'resource');
    const listed = new Set<string>();
    for (const resource of resources) {
      for (const file of children(resource, 'file')) {
        const href = file.href as string;
        expect(files.has(href), `${resource.identifier} lists ${href}`).toBe(true);
        listed.add(href);
      }
      if (resource.href) expect(listed).toContain(resource.href);
    }
    expect(new Set([...files.keys()].filter((path) => path !== 'imsmanifest.xml'))).toEqual(listed);
    for (const [path, content] of files) {
      if (path.endsWith('.xml')) expect(XMLValidator.validate(content.toString('utf8')), path).toBe(true);
    }
  });

  test('has one rooted organisation whose items all point at resources', () => {
    const organisations = children(children(manifest, 'organizations')[0], 'organization');
    expect(organisations).toHaveLength(1);
    expect(organisations[0]?.structure).toBe('rooted-hierarchy');
    const ids = new Set(
      children(children(manifest, 'resources')[0], 'resource').map((resource) => resource.identifier),
    );
    const refs: string[] = [];
    const walk = (item: Node) => {
      if (item.identifierref) refs.push(item.identifierref as string);
      children(item, 'item').forEach(walk);
    };
    children(organisations[0], 'item').forEach(walk);
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) expect(ids).toContain(ref);
  });

  test('links each quiz to the tool with its id as a custom parameter', async () => {
    const quizIds = (await readdir(join(dir, 'quizzes')))
      .map((name) => name.replace(/\.(yaml|yml|gift)$/, ''))
      .sort();
    const links = children(children(manifest, 'resources')[0], 'resource').filter(
      (resource) => resource.type === 'imsbasiclti_xmlv1p3',
    );
    const linked = links.map((resource) => {
      const link = children(
        parser.parse(text(children(resource, 'file')[0]?.href as string)),
        'cartridge_basiclti_link',
      )[0] as Node;
      expect(link.xmlns).toBe('http://www.imsglobal.org/xsd/imslticc_v1p3');
      expect(textOf(children(link, 'blti:launch_url')[0])).toBe('https://tool.example.org/lti/launch');
      const property = children(children(link, 'blti:custom')[0], 'lticm:property')[0] as Node;
      expect(property.name).toBe('quiz_id');
      return textOf(property);
    });
    expect(linked.sort()).toEqual(quizIds);
  });

  test('shows students the lessons with citations resolved and no teacher-only text', async () => {
    const teacherOnly = await teacherTexts(dir);
    expect([...teacherOnly.values()].flat().length).toBeGreaterThan(0);
    for (const [lessonId, secrets] of teacherOnly) {
      const page = text(`web/lessons/${lessonId}.html`);
      const seen = visibleText(page);
      for (const secret of secrets) expect(seen, `${lessonId}: ${secret}`).not.toContain(secret);
      // Citations are rendered in the course's style; none is left in pandoc syntax.
      expect(page).toMatch(/<span class="citation">[^<]*\w[^<]*\d[^<]*<\/span>/);
      expect(page).not.toMatch(/\[@[a-z]/);
      expect(page).toContain('<h1>');
    }
  });

  test('links glossary terms to entries that the glossary page has', () => {
    const glossary = text('web/glossary.html');
    let linked = 0;
    for (const [path] of files) {
      if (!path.startsWith('web/lessons/')) continue;
      for (const match of text(path).matchAll(/href="\.\.\/glossary\.html#(term-[a-z0-9-]+)"/g)) {
        linked += 1;
        expect(glossary, `${path} links ${match[1]}`).toContain(`id="${match[1]}"`);
      }
    }
    expect(linked).toBeGreaterThan(0);
  });
});

test('with --qti the quizzes are Common Cartridge QTI assessments of the types that profile has', async () => {
  const dir = courses[0]?.dir as string;
  const out = join(work, 'qti.imscc');
  await run(process.execPath, [cli, 'export', 'cc', dir, '--qti', '--out', out]);
  const files = await readZip(await readFile(out));
  const manifest = files.get('imsmanifest.xml')?.toString('utf8') ?? '';
  const assessments = [
    ...manifest.matchAll(/type="imsqti_xmlv1p2\/imscc_xmlv1p3\/assessment">\s*<file href="([^"]+)"/g),
  ].map((match) => match[1] as string);
  expect(assessments.length).toBe(3);
  const profiles = new Set<string>();
  for (const path of assessments) {
    const xml = files.get(path)?.toString('utf8') ?? '';
    expect(XMLValidator.validate(xml), path).toBe(true);
    for (const match of xml.matchAll(
      /<fieldlabel>cc_profile<\/fieldlabel>\s*<fieldentry>([^<]+)<\/fieldentry>/g,
    ))
      profiles.add(match[1] as string);
  }
  expect(profiles).toContain('cc.exam.v0p1');
  for (const profile of profiles)
    expect([
      'cc.exam.v0p1',
      'cc.multiple_choice.v0p1',
      'cc.multiple_response.v0p1',
      'cc.true_false.v0p1',
      'cc.fib.v0p1',
      'cc.essay.v0p1',
    ]).toContain(profile);
});

describe.each(courses)('coursekit export qti of $name', ({ dir }) => {
  test('writes well-formed items whose Markdown and citations are rendered', async () => {
    const out = join(work, `${posix.basename(dir)}-qti.zip`);
    const { stdout } = await run(process.execPath, [cli, 'export', 'qti', dir, '--out', out]);
    expect(stdout).toMatch(/wrote .*-qti\.zip: QTI 3\.0 package with \d+ tests and \d+ items/);
    // Every warning is placed in a quiz file.
    for (const line of stdout.split('\n').filter((entry) => entry.includes('  warning  ')))
      expect(line).toMatch(/quizzes\/[a-z0-9-]+\.(yaml|yml|gift):\d+:\d+ {2}warning {2}/);
    const files = await readZip(await readFile(out));
    let cited = 0;
    for (const [path, content] of files) {
      const xml = content.toString('utf8');
      expect(XMLValidator.validate(xml), path).toBe(true);
      expect(xml, path).not.toMatch(/\[@[a-z]/);
      cited += (xml.match(/<span class="citation">/g) ?? []).length;
    }
    expect(cited).toBeGreaterThan(0);
  });
});
