import { grade, type PublicQuiz, toPublicQuiz } from '@coursekit/quiz-engine';
import { describe, expect, it } from 'vitest';
import { analyseQuiz } from './item-analysis';
import { loadQuizzes } from './quizzes';
import { fixtureCourseDir } from './testing';

async function summits() {
  const quiz = (await loadQuizzes(fixtureCourseDir)).get('summits-and-workers');
  if (!quiz) throw new Error('fixture quiz missing');
  return quiz;
}

const choiceId = (shown: PublicQuiz, text: string) => {
  const question = shown.questions.find((q) => q.id === 'summit-city');
  const found = question && 'choices' in question ? question.choices.find((c) => c.text === text) : undefined;
  if (!found) throw new Error(text);
  return found.id;
};

describe('analyseQuiz', () => {
  it('gives facility and discrimination indices, choice shares and answers as typed', async () => {
    const quiz = await summits();
    const students = [
      { city: 'Vladivostok', resolution: 'A/76/L.5 2397', veto: true, months: 24 },
      { city: 'Vladivostok', resolution: 'Resolution 2397', veto: true, months: 24 },
      { city: 'Hanoi', resolution: 'resolution 2397', veto: true, months: 12 },
      { city: 'Hanoi', resolution: '1718', veto: false, months: 12 },
    ];
    const attempts = students.map((answers, index) => {
      const seed = `seed-${index}#1`;
      const shown = toPublicQuiz(quiz, { seed });
      const result = grade(
        quiz,
        {
          'summit-city': choiceId(shown, answers.city),
          'resolution-number': answers.resolution,
          'veto-2022': answers.veto,
          'deadline-months': answers.months,
        },
        { seed },
      );
      return { result, shown };
    });
    const analysis = analyseQuiz(quiz, attempts);
    const city = analysis.get('summit-city');
    expect(city?.facilityIndex).toBe(50);
    // The two who chose Vladivostok did better on the rest of the quiz.
    expect(city?.discriminationIndex).toBeGreaterThan(30);
    expect(city?.choices).toEqual([
      { text: 'Vladivostok', count: 2, share: 50, correct: true },
      { text: 'Hanoi', count: 2, share: 50, correct: false },
      { text: 'Pyongyang', count: 0, share: 0, correct: false },
    ]);
    const resolution = analysis.get('resolution-number');
    expect(resolution?.typedAnswers?.map((a) => a.text)).toEqual([
      '1718',
      'A/76/L.5 2397',
      'Resolution 2397',
      'resolution 2397',
    ]);
    expect(analysis.get('veto-2022')?.facilityIndex).toBe(75);
  });

  it('has no discrimination index without spread or with one response', async () => {
    const quiz = await summits();
    const seed = 'only#1';
    const shown = toPublicQuiz(quiz, { seed });
    const analysis = analyseQuiz(quiz, [{ result: grade(quiz, { 'veto-2022': true }, { seed }), shown }]);
    expect(analysis.get('veto-2022')).toMatchObject({
      responses: 1,
      facilityIndex: 100,
      discriminationIndex: null,
    });
    expect(analysis.get('summit-city')).toMatchObject({ responses: 0, facilityIndex: null });
  });
});
