import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const example = new URL('../test/fixtures/example-course/', import.meta.url).pathname;

function lessonSource(index: number, total: number): string {
  const id = `lesson-${index}`;
  const number = String(index).padStart(3, '0');
  const paragraphs = Array.from(
    { length: 6 },
    (_, paragraph) =>
      `Paragraph ${paragraph + 1} of lesson ${number}: warm air rises and cools, and [[condensation]] turns its ` +
      `vapour into droplets [@example-water-primer, para. ${(paragraph % 3) + 1}]. Over the sea, ` +
      `[[evaporation|water turning to vapour]] feeds the clouds again, as @example-field-notes [para. 2] describes ` +
      'for a river that shrinks every summer and fills again when the rains return.',
  );
  return `---
id: ${id}
title: Lesson ${number}
summary: A generated lesson for the benchmark.
order: ${index}
duration: 30
objectives:
  - id: describe-${id}
    text: Describe step ${index} of the water cycle.
framingQuestions:
  - Where does the water go?
keyPoints:
  - Water moves between the sea, the air and the land [@example-water-primer, para. 3].
prerequisites: [${index > 1 ? `lesson-${index - 1}` : ''}]
keyTerms: [evaporation, condensation]
outcomes: [describe-water-cycle]
---

## Part one of ${number}

${paragraphs.slice(0, 3).join('\n\n')}

:::source{cite="@example-water-primer" locator="para. 2"}
Warm, moist air rises and cools.
:::

### A closer look

${paragraphs.slice(3).join('\n\n')}

::::discussion
Why does a cold glass get wet on the outside?
::::

:::instructor
Spend ten minutes on lesson ${number} of ${total}; ask about <Term id="precipitation">rain</Term>.
:::

<Quiz id="evaporation" />
`;
}

/**
 * A generated lesson as a student's page has it: without its teacher-only block. With the lesson as written,
 * what a plain MDX site would compile to have the two pages that the course compile writes for each lesson.
 */
export function withoutInstructorBlocks(source: string): string {
  const student = source.replace(/^:::instructor\n[\s\S]*?^:::\n\n/m, '');
  if (student === source) throw new Error('the lesson has no :::instructor block to leave out');
  return student;
}

/** A copy of the example course with `count` generated lessons instead of its own two. */
export async function generateCourse(
  count: number,
): Promise<{ dir: string; files: string[]; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'coursekit-bench-'));
  await cp(example, dir, { recursive: true });
  await rm(join(dir, 'lessons'), { recursive: true });
  await mkdir(join(dir, 'lessons'));
  const ids = Array.from({ length: count }, (_, index) => `lesson-${index + 1}`);
  const course = (await readFile(join(dir, 'course.yaml'), 'utf8'))
    .replace(/lessons:\n(?: {2}- .*\n)+/, `lessons:\n${ids.map((id) => `  - ${id}\n`).join('')}`)
    .replace('estimatedMinutes: 90', `estimatedMinutes: ${count * 30}`);
  await writeFile(join(dir, 'course.yaml'), course);
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const file = join(dir, 'lessons', `${String(index).padStart(3, '0')}-lesson-${index}.mdx`);
    await writeFile(file, lessonSource(index, count));
    files.push(file);
  }
  return { dir, files, remove: () => rm(dir, { recursive: true, force: true }) };
}
