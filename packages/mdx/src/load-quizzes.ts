import { type CourseIssue as SchemaIssue, toJsonPointer } from '@coursekit/content-schema';
import {
  GiftImportError,
  importGift,
  parseQuiz,
  type Quiz,
  QuizValidationError,
} from '@coursekit/quiz-engine';
import type { CitationRenderer } from './citation-renderer.js';
import { fileIssue, listCourseFolder, readCourseFile } from './course-files.js';
import type { CourseIssue } from './issue.js';
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
  issues: CourseIssue[];
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
  issues: CourseIssue[],
  citations: CitationRenderer | undefined,
): Quiz | undefined {
  for (const error of yaml.errors) {
    issues.push(fileIssue(file, `not valid YAML: ${error.message}`, 'quiz/yaml', error));
  }
  if (yaml.errors.length > 0) return undefined;
  const unknownKeys = citations ? unknownCitationKeysIn(yaml.data, file, citations) : [];
  issues.push(...unknownKeys.map((issue) => yaml.place(issue)));
  let quiz: Quiz;
  try {
    quiz = parseQuiz(yaml.data);
  } catch (error) {
    if (!(error instanceof QuizValidationError)) throw error;
    for (const issue of error.issues) {
      const unknownKey = issue.message.startsWith('unknown key');
      const schemaIssue: SchemaIssue = {
        file,
        pointer: toJsonPointer(issue.path),
        message: issue.message,
        rule: 'quiz/invalid',
        severity: 'error',
        ...(unknownKey ? { target: 'key' as const } : {}),
      };
      const placed = yaml.place(schemaIssue);
      const where = issue.path.length > 0 && !unknownKey ? `${formatQuizPath(issue.path)}: ` : '';
      issues.push({ ...placed, message: `${where}${placed.message}` });
    }
    return undefined;
  }
  if (unknownKeys.length > 0) return undefined;
  if (quiz.id !== id) {
    issues.push(
      yaml.place({
        file,
        pointer: '/id',
        message: `the quiz id '${quiz.id}' differs from its file name; rename the file to ${quiz.id}.yaml or set id: ${id}`,
        rule: 'quiz/id-mismatch',
        severity: 'error',
      }),
    );
    return undefined;
  }
  return quiz;
}

function formatQuizPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
}

function loadGiftQuiz(
  file: string,
  id: string,
  text: string,
  issues: CourseIssue[],
  citations: CitationRenderer | undefined,
): Quiz | undefined {
  try {
    const quiz = importGift(text, { id, title: titleFromId(id) });
    // GIFT keeps no places below the question, so unknown keys point at the file.
    const unknownKeys = citations ? unknownCitationKeysIn(quiz, file, citations) : [];
    for (const issue of unknownKeys) {
      issues.push(
        fileIssue(file, `${issue.message}${issue.suggestion ? ` (${issue.suggestion})` : ''}`, issue.rule),
      );
    }
    return unknownKeys.length > 0 ? undefined : quiz;
  } catch (error) {
    if (!(error instanceof GiftImportError)) throw error;
    for (const issue of error.issues) {
      issues.push(
        fileIssue(file, issue.message, 'quiz/gift', { line: issue.line, column: issue.column ?? 1 }),
      );
    }
    return undefined;
  }
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
