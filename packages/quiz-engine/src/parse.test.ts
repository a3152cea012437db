import { describe, expect, it } from 'vitest';
import { QuizValidationError } from './errors.js';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { parseQuiz } from './parse.js';

function issuesOf(data: unknown): { path: string; message: string }[] {
  try {
    parseQuiz(data);
  } catch (error) {
    expect(error).toBeInstanceOf(QuizValidationError);
    return (error as QuizValidationError).issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
  }
  throw new Error('expected parseQuiz to throw');
}

describe('parseQuiz', () => {
  it('applies defaults and derives choice ids from the authored order', () => {
    const quiz = parseQuiz(sampleQuizData());
    expect(quiz.behaviour).toBe('deferred');
    expect(quiz.passMark).toBe(70);
    const first = quiz.questions[0];
    expect(first?.type).toBe('single');
    if (first?.type !== 'single') return;
    expect(first.choices.map((choice) => choice.id)).toEqual(['correct', 'choice-2', 'choice-3']);
    expect(first.points).toBe(1);
    const essay = quiz.questions.find((question) => question.id === 'reflect');
    expect(essay?.type === 'essay' && essay.points).toBe(4);
  });

  it('lists every problem with its path, not just the first', () => {
    const data = sampleQuizData() as Record<string, unknown> & { questions: Record<string, unknown>[] };
    const questions = data.questions;
    const hanoi = questions[0] as { choices: { text: string; correct?: boolean }[] };
    hanoi.choices[1] = { text: '2017', correct: true };
    (questions[5] as { items: string[] }).items.push('Putin visits Pyongyang');
    (questions[6] as { pairs: unknown[] }).pairs.push({ left: 'Hanoi summit' });
    questions.push({ id: 'hanoi-year', type: 'truefalse', prompt: 'Duplicate id', answer: true });
    questions.push({ id: 'typo', type: 'singel', prompt: 'x' });
    data.passmark = 70;

    const issues = issuesOf(data);
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'questions.0.choices',
          message: expect.stringMatching(/exactly one .*correct.* \(found 2\)/),
        },
        {
          path: 'questions.5.items.4',
          message: expect.stringMatching(/duplicate item 'Putin visits Pyongyang'/),
        },
        { path: 'questions.6.pairs.2.right', message: expect.stringMatching(/dangling/) },
        { path: 'questions.10.id', message: expect.stringMatching(/duplicate id 'hanoi-year'/) },
        { path: 'questions.11.type', message: expect.stringMatching(/must be one of: single, multiple/) },
        { path: 'passmark', message: expect.stringMatching(/unknown key 'passmark'/) },
      ]),
    );
  });

  it('explains a single-choice question with no correct answer', () => {
    const issues = issuesOf({
      id: 'q',
      title: 'Q',
      questions: [{ id: 'a', type: 'single', prompt: 'P', choices: [{ text: 'x' }, { text: 'y' }] }],
    });
    expect(issues).toEqual([{ path: 'questions.0.choices', message: expect.stringContaining('(found 0)') }]);
  });

  it('checks cloze placeholders against their blanks', () => {
    const issues = issuesOf({
      id: 'q',
      title: 'Q',
      questions: [
        {
          id: 'c',
          type: 'cloze',
          text: 'A {{one}} and {{two}}.',
          blanks: { one: { accept: ['x'] }, three: { accept: ['y'] } },
        },
      ],
    });
    expect(issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'questions.0.text: {{two}} has no entry under blanks',
      "questions.0.blanks.three: blank 'three' is not used in the text as {{three}}",
    ]);
  });

  it('rejects categorise items in unknown categories and pools that draw too many', () => {
    const issues = issuesOf({
      id: 'q',
      title: 'Q',
      behaviour: 'deferred',
      tries: 2,
      questions: [
        {
          type: 'pool',
          id: 'p',
          draw: 3,
          questions: [
            {
              id: 'k',
              type: 'categorise',
              prompt: 'Sort',
              categories: [
                { id: 'a', label: 'A' },
                { id: 'b', label: 'B' },
              ],
              items: [{ text: 'x', category: 'c' }],
            },
          ],
        },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'questions.0.questions.0.items.0.category',
      'questions.0.draw',
      'tries',
    ]);
    expect(issues[0]?.message).toBe("unknown category 'c'; use one of: a, b");
  });

  it('says what is missing and what has the wrong type', () => {
    const issues = issuesOf({
      id: 'Not A Slug',
      questions: [{ id: 'n', type: 'numeric', prompt: 'P', answer: '2017' }],
    });
    expect(issues).toEqual([
      { path: 'id', message: expect.stringContaining('"Not A Slug" is not a valid id') },
      { path: 'title', message: 'is required' },
      { path: 'questions.0.answer', message: 'must be a number' },
    ]);
  });

  it('rejects input that is not an object at all', () => {
    expect(issuesOf('quiz: yes')).toEqual([{ path: '', message: 'must be a mapping of keys to values' }]);
  });
});
