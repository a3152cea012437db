import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  courseFileJsonSchema,
  courseFileKinds,
  courseFileSchemas,
  parseCourseFile,
} from './course-file-kinds.js';

const authoredQuiz = {
  id: 'hanoi-check',
  title: 'Check your understanding',
  behaviour: 'interactive',
  tries: 2,
  penalty: 0.5,
  passMark: 60,
  questions: [
    {
      id: 'summit-city',
      type: 'single',
      prompt: 'Where did the February 2019 summit take place?',
      explanation: 'The article names the Hanoi summit [@rinna-two-peripheries, para. 2].',
      choices: [
        { text: 'Hanoi', correct: true },
        { text: 'Vladivostok', feedback: 'Vladivostok hosted the April 2019 summit.' },
      ],
    },
    { id: 'summit-year', type: 'numeric', prompt: 'In which year?', answer: 2019, tolerance: 0 },
  ],
};

/** The authored quiz as `change` leaves a copy of it. */
type EditableQuiz = { [key: string]: unknown; questions: Record<string, unknown>[] };

function quizExample(name: string, valid: boolean, change: (quiz: EditableQuiz) => void = () => {}) {
  const data: EditableQuiz = structuredClone(authoredQuiz);
  change(data);
  return { name, valid, data };
}

const quizExamples = [
  quizExample('an interactive quiz', true),
  quizExample('a deferred quiz without tries', true, (quiz) => {
    quiz.behaviour = 'deferred';
    delete quiz.tries;
    delete quiz.penalty;
  }),
  quizExample('an unknown question type', false, (quiz) => {
    Object.assign(quiz.questions[0] ?? {}, { type: 'dropdown' });
  }),
  quizExample('a numeric answer as text', false, (quiz) => {
    Object.assign(quiz.questions[1] ?? {}, { answer: 'two thousand' });
  }),
  quizExample('unknown key promt', false, (quiz) => {
    Object.assign(quiz.questions[1] ?? {}, { promt: 'In which year?' });
  }),
  quizExample('a pass mark above 100', false, (quiz) => {
    quiz.passMark = 140;
  }),
  quizExample('no questions', false, (quiz) => {
    delete (quiz as Partial<EditableQuiz>).questions;
  }),
];

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);

describe('course file kinds', () => {
  it("are content-schema's kinds and quizzes", () => {
    expect(courseFileKinds).toEqual(['course', 'lesson-frontmatter', 'glossary', 'timeline', 'quiz']);
  });

  describe('the quiz JSON Schema', () => {
    const validate = ajv.compile(courseFileJsonSchema('quiz'));
    for (const example of quizExamples) {
      it(`${example.valid ? 'accepts' : 'rejects'} ${example.name}, as Zod does`, () => {
        expect(courseFileSchemas.quiz.safeParse(example.data).success, 'Zod').toBe(example.valid);
        expect(validate(example.data), `ajv: ${ajv.errorsText(validate.errors)}`).toBe(example.valid);
      });
    }
  });

  it('checks a quiz like any other file: issues at JSON pointers, never a throw', () => {
    const result = parseCourseFile('quiz', { ...authoredQuiz, passMark: 140 }, 'quizzes/hanoi-check.yaml');
    expect(result.ok).toBe(false);
    expect(result.issues).toMatchObject([{ file: 'quizzes/hanoi-check.yaml', pointer: '/passMark' }]);
  });

  it('refuses an unknown kind, naming the kinds', () => {
    expect(() => parseCourseFile('quizz' as never, {}, 'x.yaml')).toThrow(
      "unknown course file kind 'quizz'; use one of course, lesson-frontmatter, glossary, timeline, quiz",
    );
  });
});
