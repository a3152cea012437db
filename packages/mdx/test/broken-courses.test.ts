import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/issue.js';
import { loadCourse } from '../src/load-course.js';

const brokenCourse = (name: string) => new URL(`./fixtures/broken/${name}/`, import.meta.url).pathname;

/** `file:line:col  rule` for every issue, the way a reader checks places. */
async function placesIn(name: string): Promise<string[]> {
  const loaded = await loadCourse(brokenCourse(name));
  return loaded.issues.map(
    (issue) => `${issue.file}:${issue.line}:${issue.column}  ${issue.severity}  ${issue.ruleId}`,
  );
}

describe('broken courses: each mistake is reported at its true line and column', () => {
  it.each([
    ['bad-front-matter', ['lessons/01-evaporation.mdx:6:11  error  schema/wrong-type']],
    ['unclosed-jsx', ['lessons/02-condensation-and-rain.mdx:33:34  error  mdx/syntax']],
    ['unknown-citation-key', ['lessons/01-evaporation.mdx:28:72  error  citation/unknown-key']],
    ['unknown-glossary-id', ['lessons/02-condensation-and-rain.mdx:28:38  error  glossary/unknown-term']],
    ['quiz-without-correct-answer', ['quizzes/evaporation.yaml:14:7  error  quiz/invalid']],
    ['prerequisite-cycle', ['lessons/02-condensation-and-rain.mdx:16:17  error  lesson/prerequisite-cycle']],
    ['missing-file', ['course.yaml:24:11  error  file/missing']],
    ['duplicate-lesson-id', ['lessons/03-evaporation.mdx:2:5  error  lesson/duplicate-id']],
    // The :::source of line 31 lacks its :::, so the ::: of :::instructor (line 41) closes :::source instead.
    ['unclosed-directive', ['lessons/01-evaporation.mdx:39:1  error  directive/unclosed']],
    ['yaml-syntax', ['glossary.yaml:12:17  error  yaml/syntax']],
  ])('%s', async (name, expected) => {
    expect(await placesIn(name)).toEqual(expected);
  });

  it('says what is wrong and what to do, with the closest id where there is one', async () => {
    const loaded = await loadCourse(brokenCourse('unknown-citation-key'));
    expect(loaded.issues.map(formatIssue)).toEqual([
      "lessons/01-evaporation.mdx:28:72  error  unknown citation key 'example-water-primr'; add it to the references or fix the key (did you mean 'example-water-primer'?)  citation/unknown-key",
    ]);
    const quiz = await loadCourse(brokenCourse('quiz-without-correct-answer'));
    expect(quiz.issues[0]?.message).toBe(
      'questions[0].choices: a single-choice question needs exactly one choice with correct: true (found 0); use type: multiple for several',
    );
  });

  it('says which container the lone ::: closed, so the author finds the missing one', async () => {
    const loaded = await loadCourse(brokenCourse('unclosed-directive'));
    expect(loaded.issues.map((issue) => issue.message)).toEqual([
      ':::instructor is opened here, inside :::source (line 31), but never closed: the ::: on line 41 closes :::source; add a line with only ::: where the instructor block ends (or, if :::source was meant to end earlier, close it there)',
    ]);
  });

  it("explains a YAML mistake in words, with the fix, not in the parser's", async () => {
    const loaded = await loadCourse(brokenCourse('yaml-syntax'));
    expect(loaded.issues.map(formatIssue)).toEqual([
      'glossary.yaml:12:17  error  not valid YAML: a colon in this text makes YAML read another key; put a space after the key\'s colon, and quotes around text that contains ": " (title: "Rupture: the 1990s")  yaml/syntax',
    ]);
  });

  it('reports every mistake of a course in one run', async () => {
    expect(await placesIn('all-at-once')).toEqual([
      'course.yaml:26:11  error  file/missing',
      'lessons/01-evaporation.mdx:6:11  error  schema/wrong-type',
      'lessons/01-evaporation.mdx:28:72  error  citation/unknown-key',
      'lessons/02-condensation-and-rain.mdx:28:38  error  glossary/unknown-term',
      'lessons/03-storms.mdx:16:17  error  lesson/prerequisite-cycle',
      'lessons/03-storms.mdx:32:34  error  mdx/syntax',
      'lessons/04-condensation-and-rain.mdx:2:5  error  lesson/duplicate-id',
      'quizzes/evaporation.yaml:14:7  error  quiz/invalid',
    ]);
  });
});
