import { createIssue, type Issue } from '@coursekit/issues';
import {
  GiftImportError,
  importGift,
  parseQuiz,
  type Quiz,
  QuizValidationError,
} from '@coursekit/quiz-engine';
import type { CitationRenderer } from './citation-renderer.js';
import { fileIssue, listCourseFolder, readCourseFile } from './course-files.js';
import { unknownCitationKeysIn } from './text-citations.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

export interface LoadedQuiz {
  id: string;
  file: string;
  quiz: Quiz;
  /** The YAML of a `.yaml` quiz, to place issues found across files. */
  source?: YamlSource | undefined;
}

export interface LoadedQuizzes {
  quizzes: LoadedQuiz[];
  /** Ids of quiz files that exist but could not be read, so "unknown quiz" is not reported for them too. */
  brokenIds: Set<string>;
  issues: Issue[];
}

const quizFileName = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(yaml|yml|gift)$/;

function titleFromId(id: string): string {
  const words = id.replaceAll('-', ' ');
  return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`;
}

function loadYamlQuiz(
  file: string,
  id: string,
  yaml: YamlSource,
  issues: Issue[],
  citations: CitationRenderer | undefined,
): Quiz | undefined {
  for (const error of yaml.errors) {
    issues.push(fileIssue(file, `not valid YAML: ${error.message}`, 'quiz/yaml', error));
  }
  if (yaml.errors.length > 0) return undefined;
  const unknownKeys = citations ? unknownCitationKeysIn(yaml.data, file, citations) : [];
  issues.push(...unknownKeys.map(({ issue, text }) => yaml.place(issue, text)));
  let quiz: Quiz;
  try {
    quiz = parseQuiz(yaml.data);
  } catch (error) {
    if (!(error instanceof QuizValidationError)) throw error;
    issues.push(...error.toIssues(file).map((issue) => yaml.place(issue)));
    return undefined;
  }
  if (unknownKeys.length > 0) return undefined;
  if (quiz.id !== id) {
    issues.push(
      yaml.place(
        createIssue(
          file,
          'quiz/id-mismatch',
          `the quiz id '${quiz.id}' differs from its file name; rename the file to ${quiz.id}.yaml or set id: ${id}`,
          { pointer: '/id' },
        ),
      ),
    );
    return undefined;
  }
  return quiz;
}

function loadGiftQuiz(
  file: string,
  id: string,
  text: string,
  issues: Issue[],
  citations: CitationRenderer | undefined,
): Quiz | undefined {
  try {
    const quiz = importGift(text, { id, title: titleFromId(id) });
    const unknownKeys = citations ? unknownCitationKeysIn(quiz, file, citations) : [];
    const placeOf = textPlaces(text);
    for (const { issue, text: key } of unknownKeys) issues.push({ ...issue, ...placeOf(key) });
    return unknownKeys.length > 0 ? undefined : quiz;
  } catch (error) {
    if (!(error instanceof GiftImportError)) throw error;
    issues.push(...error.toIssues(file));
    return undefined;
  }
}

/**
 * Finds written text in a file, each call for the same text at its next occurrence: GIFT keeps no places
 * below the question, but a citation key is written as is, so the n-th unknown `@key` is the n-th in the
 * text (the first, when it is written fewer times).
 */
function textPlaces(text: string): (needle: string) => { line: number; column: number } {
  const next = new Map<string, number>();
  return (needle) => {
    const from = next.get(needle) ?? 0;
    let at = text.indexOf(needle, from);
    if (at === -1) at = text.indexOf(needle);
    if (at === -1) return { line: 1, column: 1 };
    next.set(needle, at + needle.length);
    const before = text.slice(0, at).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  };
}

/**
 * Read and check every quiz in `quizzes/`: `<id>.yaml` with `parseQuiz`, `<id>.gift` with `importGift`, and
 * the citation keys in their text against the references.
 */
export async function loadQuizzes(dir: string, citations?: CitationRenderer): Promise<LoadedQuizzes> {
  const result: LoadedQuizzes = { quizzes: [], brokenIds: new Set(), issues: [] };
  const names = (await listCourseFolder(dir, 'quizzes')) ?? [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = `quizzes/${name}`;
    const match = quizFileName.exec(name);
    if (!match) {
      if (name.startsWith('.')) continue;
      result.issues.push(
        fileIssue(
          file,
          `quiz files are named <id>.yaml or <id>.gift with a lower-case id such as water-cycle; '${name}' is not read`,
          'quiz/file-name',
          undefined,
          'warning',
        ),
      );
      continue;
    }
    const id = match[1] as string;
    const earlier = seen.get(id);
    if (earlier) {
      result.issues.push(
        fileIssue(
          file,
          `quiz id '${id}' is also the id of ${earlier}; keep one of the two files`,
          'quiz/duplicate-id',
        ),
      );
      continue;
    }
    seen.set(id, file);
    const read = await readCourseFile(dir, file);
    if (!read.ok) {
      result.issues.push(fileIssue(file, `cannot be read: ${read.reason}`, 'file/unreadable'));
      result.brokenIds.add(id);
      continue;
    }
    const source = match[2] === 'gift' ? undefined : parseYamlSource(read.text);
    const quiz = source
      ? loadYamlQuiz(file, id, source, result.issues, citations)
      : loadGiftQuiz(file, id, read.text, result.issues, citations);
    if (quiz) result.quizzes.push({ id, file, quiz, source });
    else result.brokenIds.add(id);
  }
  return result;
}
