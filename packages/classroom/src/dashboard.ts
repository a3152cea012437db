import { needsHuman, type Question, type Quiz, type RubricCriterion } from '@coursekit/quiz-engine';
import type { CourseOutline } from './course';
import type { ChoiceShare, QuestionAnalysis, TypedAnswer } from './item-analysis';
import type {
  AttemptRecord,
  ClassRecord,
  CompletionRecord,
  ItemStatistic,
  StudentRecord,
} from './storage/types';

export interface LessonCell {
  completed: boolean;
  completedAt: string | null;
  /** Highest percentage over the student's attempts at the lesson's quiz; null when none. */
  bestPercentage: number | null;
  attempts: number;
  /** Essays of the student's attempts at the lesson's quiz still waiting for the teacher. */
  pendingMarks: number;
  awaitingMarking: boolean;
}

export interface DashboardStudent {
  id: string;
  displayName: string;
  /** The school's identifier (join form or roster CSV), or null. */
  identifier: string | null;
  joinedAt: string;
  /** By lesson id, for every lesson of the course. */
  lessons: Record<string, LessonCell>;
}

export interface DashboardLesson {
  id: string;
  title: string;
  quizId: string | null;
  quizTitle: string | null;
  /** The quiz's weight in the course total (course.yaml `grading.weights`, else 1); null without a quiz. */
  weight: number | null;
  /** The quiz file's limit (before attempts granted to one student); null: unlimited or no quiz. */
  maxAttempts: number | null;
  passMark: number | null;
}

export interface ItemRow {
  questionId: string;
  type: Question['type'];
  prompt: string;
  /** Graded responses to this question over all attempts of the class (essays are not counted). */
  responses: number;
  correct: number;
  /** Responses that earned full credit, 0–100, one decimal; null before anyone answered. */
  correctShare: number | null;
  /** Average share of the points earned, partial credit included (Moodle's facility index), 0–100, one decimal. */
  meanScore: number | null;
  /** The most chosen wrong answer, as the students saw it. */
  topWrongAnswer: string | null;
  topWrongCount: number;
  /** Moodle's facility index: mean share of the points (teacher's overrides applied), 0–100. */
  facilityIndex: number | null;
  /** Moodle's discrimination index: correlation with the rest of the attempt, −100 to 100. */
  discriminationIndex: number | null;
  /** Choice questions: each choice's share of the responses. */
  choices: ChoiceShare[] | null;
  /** Typed answers exactly as the students typed them, most given first. */
  typedAnswers: TypedAnswer[] | null;
}

export interface QuizAnalysis {
  quizId: string;
  quizTitle: string;
  lessonId: string | null;
  questions: ItemRow[];
}

export interface LessonNotes {
  lessonId: string;
  title: string;
  /** Markdown from the lesson's front matter. */
  instructorNotes: string | null;
  /** Markdown of each `:::instructor` block, in order. */
  instructorBlocks: string[];
  /** Teacher-only guidance of the essay questions in the lesson's quiz. */
  answerGuidance: { questionId: string; prompt: string; guidance: string; rubric: RubricCriterion[] }[];
}

export interface ClassDashboard {
  class: { id: string; name: string; joinCode: string; createdAt: string };
  lessons: DashboardLesson[];
  students: DashboardStudent[];
  itemAnalysis: QuizAnalysis[];
  teacherNotes: LessonNotes[];
}

/** Every question of a quiz, pool members included, in authored order. */
export function questionsOf(quiz: Quiz): Question[] {
  return quiz.questions.flatMap((entry) => (entry.type === 'pool' ? entry.questions : [entry]));
}

const iso = (time: number) => new Date(time).toISOString();

/**
 * The teacher's view of one class: a roster × lessons grid (completion, best score, attempts), item
 * analysis per quiz question and the teacher notes of every lesson. Only the class's own students,
 * attempts and completions go in; the caller fetches them for this class alone.
 */
export function buildDashboard(input: {
  classRecord: ClassRecord;
  outline: CourseOutline;
  quizzes: ReadonlyMap<string, Quiz>;
  students: readonly StudentRecord[];
  attempts: readonly AttemptRecord[];
  completions: readonly CompletionRecord[];
  items: readonly ItemStatistic[];
  /** Essays awaiting a mark, by attempt id (attempts left out have none). */
  pendingMarks?: ReadonlyMap<string, number>;
  /** Per quiz id, `analyseQuiz` over the class's attempts. */
  analysis?: ReadonlyMap<string, ReadonlyMap<string, QuestionAnalysis>>;
  /** Identifiers by student id. */
  identifiers?: ReadonlyMap<string, string | null>;
}): ClassDashboard {
  const { classRecord, outline, quizzes } = input;
  const lessons: DashboardLesson[] = outline.lessons.map((lesson) => {
    const quiz = lesson.quizId ? quizzes.get(lesson.quizId) : undefined;
    return {
      id: lesson.id,
      title: lesson.title,
      quizId: quiz?.id ?? null,
      quizTitle: quiz?.title ?? null,
      weight: quiz ? (outline.grading?.weights[quiz.id] ?? 1) : null,
      maxAttempts: quiz?.maxAttempts ?? null,
      passMark: quiz?.passMark ?? null,
    };
  });

  const students = input.students.map((student): DashboardStudent => {
    const cells: Record<string, LessonCell> = {};
    for (const lesson of lessons) {
      const completion = input.completions.find(
        (c) => c.studentId === student.id && c.lessonId === lesson.id,
      );
      const attempts = lesson.quizId
        ? input.attempts.filter((a) => a.studentId === student.id && a.quizId === lesson.quizId)
        : [];
      const pendingMarks = attempts.reduce((sum, a) => sum + (input.pendingMarks?.get(a.id) ?? 0), 0);
      cells[lesson.id] = {
        completed: completion !== undefined,
        completedAt: completion ? iso(completion.completedAt) : null,
        bestPercentage: attempts.length > 0 ? Math.max(...attempts.map((a) => a.percent)) : null,
        attempts: attempts.length,
        pendingMarks,
        awaitingMarking: pendingMarks > 0,
      };
    }
    return {
      id: student.id,
      displayName: student.displayName,
      identifier: input.identifiers?.get(student.id) ?? null,
      joinedAt: iso(student.createdAt),
      lessons: cells,
    };
  });

  const lessonOfQuiz = new Map(lessons.flatMap((l) => (l.quizId ? [[l.quizId, l.id] as const] : [])));
  const orderedQuizzes = [
    ...lessons.flatMap((l) => (l.quizId ? [quizzes.get(l.quizId)] : [])),
    ...[...quizzes.values()].filter((q) => !lessonOfQuiz.has(q.id)),
  ].filter((quiz): quiz is Quiz => quiz !== undefined);
  const itemAnalysis = orderedQuizzes.map((quiz): QuizAnalysis => {
    const stats = new Map(input.items.filter((i) => i.quizId === quiz.id).map((i) => [i.questionId, i]));
    return {
      quizId: quiz.id,
      quizTitle: quiz.title,
      lessonId: lessonOfQuiz.get(quiz.id) ?? null,
      questions: questionsOf(quiz)
        .filter((question) => !needsHuman(question))
        .map((question) => {
          const stat = stats.get(question.id);
          const analysed = input.analysis?.get(quiz.id)?.get(question.id);
          const responses = stat?.responses ?? 0;
          return {
            questionId: question.id,
            type: question.type,
            prompt: question.prompt,
            responses,
            correct: stat?.correct ?? 0,
            correctShare: responses > 0 ? Math.round(((stat?.correct ?? 0) / responses) * 1000) / 10 : null,
            meanScore: responses > 0 ? Math.round(((stat?.credit ?? 0) / responses) * 1000) / 10 : null,
            topWrongAnswer: stat?.topWrongAnswer ?? null,
            topWrongCount: stat?.topWrongCount ?? 0,
            facilityIndex: analysed?.facilityIndex ?? null,
            discriminationIndex: analysed?.discriminationIndex ?? null,
            choices: analysed?.choices ?? null,
            typedAnswers: analysed?.typedAnswers ?? null,
          };
        }),
    };
  });

  const teacherNotes = outline.lessons.map((lesson): LessonNotes => {
    const quiz = lesson.quizId ? quizzes.get(lesson.quizId) : undefined;
    return {
      lessonId: lesson.id,
      title: lesson.title,
      instructorNotes: lesson.instructorNotes ?? null,
      instructorBlocks: lesson.instructorBlocks,
      answerGuidance: quiz
        ? questionsOf(quiz).flatMap((question) =>
            question.type === 'essay' && question.guidance
              ? [
                  {
                    questionId: question.id,
                    prompt: question.prompt,
                    guidance: question.guidance,
                    rubric: question.rubric,
                  },
                ]
              : [],
          )
        : [],
    };
  });

  return {
    class: {
      id: classRecord.id,
      name: classRecord.name,
      joinCode: classRecord.joinCode,
      createdAt: iso(classRecord.createdAt),
    },
    lessons,
    students,
    itemAnalysis,
    teacherNotes,
  };
}
