// One typo of a citation key, made in each kind of file that can cite: every report must read the same and
// point at the key itself, so an author (or an editor jumping to file:line:col) lands on the typo.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '@coursekit/issues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedCourse, loadCourse } from '../src/load-course.js';

const exampleCourse = new URL('./fixtures/example-course/', import.meta.url).pathname;
const typo = '@exampel-water-primer';

/** Where the typo is written in `text`, 1-based. */
function placeOfTypo(text: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(typo)).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

describe('the same citation-key typo in every kind of file', () => {
  let dir: string;
  let loaded: LoadedCourse;
  const texts = new Map<string, string>();

  /** Make the typo once in `file`, replacing the first `from` (a piece of text that holds the right key). */
  async function misspell(file: string, from: string, to: string) {
    const path = join(dir, file);
    const text = await readFile(path, 'utf8');
    expect(text).toContain(from);
    const changed = text.replace(from, to);
    texts.set(file, changed);
    await writeFile(path, changed);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coursekit-typo-'));
    await cp(exampleCourse, dir, { recursive: true });
    // Front matter (a key point), the MDX body, a YAML quiz explanation, GIFT feedback, the glossary.
    await misspell(
      'lessons/01-evaporation.mdx',
      'vapour [@example-water-primer, para. 1].\n  - Warmth',
      `vapour [${typo}, para. 1].\n  - Warmth`,
    );
    await misspell(
      'lessons/02-condensation-and-rain.mdx',
      'rain or snow</Term> [@example-water-primer',
      `rain or snow</Term> [${typo}`,
    );
    await misspell('quizzes/evaporation.yaml', 'vapour [@example-water-primer', `vapour [${typo}`);
    await misspell(
      'quizzes/condensation-and-rain.gift',
      '#Only when the air is very cold.',
      `#Only when the air is very cold [${typo}].`,
    );
    const glossary = await readFile(join(dir, 'glossary.yaml'), 'utf8');
    const glossaryTerm = glossary.match(/definition: (.*)/)?.[0] as string;
    await misspell('glossary.yaml', glossaryTerm, `${glossaryTerm} [${typo}]`);
    loaded = await loadCourse(dir);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports one issue a file, each at the key itself', () => {
    const reports = loaded.issues.filter((issue) => issue.ruleId === 'citation/unknown-key');
    expect(reports.map((issue) => issue.file).sort()).toEqual([...texts.keys()].sort());
    for (const issue of reports) {
      expect({ file: issue.file, line: issue.line, column: issue.column }).toEqual({
        file: issue.file,
        ...placeOfTypo(texts.get(issue.file) as string),
      });
    }
  });

  it('words them the same, with the same suggestion and rule', () => {
    const reports = loaded.issues.filter((issue) => issue.ruleId === 'citation/unknown-key');
    expect(new Set(reports.map((issue) => issue.message))).toEqual(
      new Set(["unknown citation key 'exampel-water-primer'; add it to the references or fix the key"]),
    );
    for (const issue of reports) expect(issue.expected).toEqual(['example-water-primer']);
    expect(new Set(reports.map((issue) => formatIssue({ ...issue, file: 'f', line: 1, column: 1 })))).toEqual(
      new Set([
        "f:1:1  error  unknown citation key 'exampel-water-primer'; add it to the references or fix the key (did you mean 'example-water-primer'?)  citation/unknown-key",
      ]),
    );
  });
});
