import { toJsonPointer } from './json-pointer.js';

/** What `validateCourse` needs to know about one question: its id and the lesson objectives it measures. */
export interface QuizQuestionSummary {
  id: string;
  /** Lesson objective ids the question measures. */
  objectives?: readonly string[];
  /** JSON pointer to the question in its quiz file, such as `/questions/2`. */
  pointer: string;
}

/** A quiz as `validateCourse` sees it; full checking of the quiz is `@coursekit/quiz-engine`'s job. */
export interface QuizSummary {
  id: string;
  /** The quiz file relative to the course folder, such as `quizzes/rupture-and-upswing.yaml`. */
  file: string;
  questions: readonly QuizQuestionSummary[];
}

/** The shape of an authored or parsed quiz that `summariseQuiz` reads; pools nest their questions. */
export interface QuizLike {
  id: string;
  questions: readonly QuestionLike[];
}

export interface QuestionLike {
  id: string;
  objectives?: readonly string[] | undefined;
  questions?: readonly QuestionLike[] | undefined;
}

function summariseQuestions(
  questions: readonly QuestionLike[],
  path: readonly (string | number)[],
  into: QuizQuestionSummary[],
): void {
  for (const [index, question] of questions.entries()) {
    const questionPath = [...path, index];
    into.push({
      id: question.id,
      pointer: toJsonPointer(questionPath),
      ...(question.objectives ? { objectives: question.objectives } : {}),
    });
    if (question.questions) summariseQuestions(question.questions, [...questionPath, 'questions'], into);
  }
}

/**
 * The summary of a quiz (as written in `quizzes/<id>.yaml` or as returned by quiz-engine's `parseQuiz`):
 * every question, including those inside pools, with its objectives and where it is in the file.
 */
export function summariseQuiz(file: string, quiz: QuizLike): QuizSummary {
  const questions: QuizQuestionSummary[] = [];
  summariseQuestions(quiz.questions, ['questions'], questions);
  return { id: quiz.id, file, questions };
}
