import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type PastAttempt, PastAttemptList } from './past-attempts.js';

const attempt = (questions: PastAttempt['result']): PastAttempt => ({
  id: 'att_1',
  number: 1,
  submittedAt: '2026-12-01T10:00:00.000Z',
  score: 1,
  maxScore: 3,
  percentage: 33.33,
  passed: false,
  late: false,
  pendingMarks: 0,
  result: questions,
});
const prompts = new Map([['summit-year', 'When did Kim first meet Putin?']]);

describe('PastAttemptList', () => {
  it('shows what the server sent: verdict, the teacher’s mark and feedback, no correct answer held back', () => {
    const html = renderToStaticMarkup(
      <PastAttemptList
        quizId="q"
        prompts={prompts}
        attempts={[
          attempt({
            questions: [
              {
                id: 'summit-year',
                type: 'single',
                status: 'incorrect',
                score: 0,
                maxScore: 1,
                objectives: [],
              },
              {
                id: 'reflect',
                type: 'essay',
                status: 'correct',
                score: 2,
                maxScore: 2,
                objectives: [],
                response: 'Because of the timing.',
                teacherGrade: {
                  kind: 'mark',
                  score: 2,
                  feedback: 'Name the visits.',
                  gradedAt: '2026-12-01T11:00:00Z',
                },
              },
            ],
          }),
        ]}
      />,
    );
    expect(html).toContain('Attempt 1: 1 point of 3 (33.33%), not passed');
    expect(html).toContain('When did Kim first meet Putin?');
    expect(html).toContain('Incorrect');
    expect(html).toContain('Because of the timing.');
    expect(html).toContain('Your teacher’s feedback:</span> Name the visits.');
    expect(html).not.toContain('Correct answer');
  });

  it('shows the correct answer once the server sends it, and says when essays await marking', () => {
    const html = renderToStaticMarkup(
      <PastAttemptList
        quizId="q"
        prompts={new Map()}
        attempts={[
          {
            ...attempt({
              questions: [
                {
                  id: 'summit-year',
                  type: 'single',
                  status: 'incorrect',
                  score: 0,
                  maxScore: 1,
                  objectives: [],
                  correctAnswer: { text: 'April 2019', response: 'c2' },
                },
              ],
            }),
            pendingMarks: 1,
            passed: null,
          },
        ]}
      />,
    );
    expect(html).toContain('Question 1');
    expect(html).toContain('Correct answer:</span> April 2019');
    expect(html).toContain('awaiting your teacher’s marking (1 essay)');
  });
});
