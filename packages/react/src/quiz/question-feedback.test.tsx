import type { QuestionResult } from '@coursekit/quiz-engine';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QuestionFeedback } from './question-feedback.js';

const wrong: QuestionResult = {
  id: 'summit-year',
  type: 'single',
  status: 'incorrect',
  score: 0,
  maxScore: 1,
  correct: false,
  feedback: [{ text: 'No: that is the Hanoi summit.', choiceId: 'c1' }],
  explanation: 'Kim met Putin in April 2019.',
  correctAnswer: { text: 'April 2019', response: 'c2' },
  objectives: [],
};

describe('QuestionFeedback', () => {
  it('after grading, shows the verdict, the feedback, the correct answer and the explanation', () => {
    const html = renderToStaticMarkup(<QuestionFeedback result={wrong} />);
    expect(html).toContain('Incorrect');
    expect(html).toContain('0 points of 1');
    expect(html).toContain('No: that is the Hanoi summit.');
    expect(html).toContain('April 2019');
    expect(html).toContain('Kim met Putin in April 2019.');
  });

  it('shows "Answer recorded" and no score when the review options hold back correctness and feedback', () => {
    const { status, score, correct, feedback, correctAnswer, explanation, ...shown } = wrong;
    const html = renderToStaticMarkup(<QuestionFeedback result={shown} />);
    expect(html).toContain('Answer recorded');
    expect(html).not.toMatch(/NaN|undefined|Incorrect|points of/);
    expect(html).not.toContain('Hanoi summit');
    expect(html).not.toContain('April 2019');
  });

  it('while tries remain, shows the hint and the tries left but keeps the answer back', () => {
    const html = renderToStaticMarkup(
      <QuestionFeedback
        result={{ ...wrong, correctAnswer: undefined, explanation: undefined }}
        hints={['Think of Vladivostok.']}
        triesLeft={2}
        finished={false}
      />,
    );
    expect(html).toContain('2 tries left');
    expect(html).toContain('Think of Vladivostok.');
    expect(html).not.toContain('Correct answer');
    expect(html).not.toContain('Explanation');
  });

  it('tells an essay writer that the teacher will review it', () => {
    const html = renderToStaticMarkup(
      <QuestionFeedback
        result={{ ...wrong, type: 'essay', status: 'needs-review', maxScore: 4, correctAnswer: undefined }}
      />,
    );
    expect(html).toContain('Saved for your teacher to review');
    expect(html).toContain('worth 4 points');
  });
});
