// Item analysis in Moodle's terms, over a class's submitted attempts: the facility index (mean share of
// the points), the discrimination index (the correlation of a question's score with the rest of the
// attempt's score), each choice's share and the answers as the students typed them.
import type { GradeResult, PublicQuiz, Quiz } from '@coursekit/quiz-engine';
import { questionsOf } from './dashboard';

export interface ChoiceShare {
  text: string;
  /** Responses that chose it. */
  count: number;
  /** 0–100, one decimal, of the responses to the question. */
  share: number;
  correct: boolean;
}

export interface TypedAnswer {
  /** Exactly as typed (not normalised). */
  text: string;
  count: number;
  correct: boolean;
}

export interface QuestionAnalysis {
  questionId: string;
  responses: number;
  /** Mean share of the points earned, 0–100, one decimal; null before anyone answered. */
  facilityIndex: number | null;
  /**
   * Pearson correlation of this question's score with the rest of the attempt's score, −100 to 100, one
   * decimal (Moodle: above 30 discriminates well); null with fewer than 2 responses or no spread.
   */
  discriminationIndex: number | null;
  /** Choice questions: every choice shown, with its share. */
  choices: ChoiceShare[] | null;
  /** Typed answers (short answer, numeric), most given first, at most 20. */
  typedAnswers: TypedAnswer[] | null;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

interface ChoiceLike {
  id: string;
  text: string;
}

function choicesOf(question: unknown): ChoiceLike[] | undefined {
  const choices = (question as { choices?: unknown }).choices;
  return Array.isArray(choices) ? (choices as ChoiceLike[]) : undefined;
}

/**
 * Analyses every question of a quiz over graded attempts (`shown`: the public quiz that attempt was
 * laid out as, so that opaque choice ids read as their text). Essays are left out.
 */
export function analyseQuiz(
  quiz: Quiz,
  attempts: readonly { result: GradeResult; shown: PublicQuiz }[],
): Map<string, QuestionAnalysis> {
  const analysed = new Map<string, QuestionAnalysis>();
  for (const question of questionsOf(quiz)) {
    if (question.type === 'essay') continue;
    const secretChoices = choicesOf(question) as (ChoiceLike & { correct?: boolean })[] | undefined;
    const fractions: number[] = [];
    const rest: number[] = [];
    const chosen = new Map<string, number>();
    const typed = new Map<string, { count: number; correct: boolean }>();
    for (const { result, shown } of attempts) {
      const graded = result.questions.find((q) => q.id === question.id);
      if (!graded || graded.maxScore <= 0 || graded.status === 'unanswered') continue;
      fractions.push(graded.score / graded.maxScore);
      const restMax = result.maxScore - graded.maxScore;
      rest.push(restMax > 0 ? (result.score - graded.score) / restMax : 0);
      const publicQuestion = shown.questions.find((q) => q.id === question.id);
      const publicChoices = publicQuestion ? choicesOf(publicQuestion) : undefined;
      const response = graded.response;
      if (publicChoices) {
        const ids = Array.isArray(response) ? response : [response];
        for (const id of ids) {
          const text = publicChoices.find((c) => c.id === id)?.text;
          if (text !== undefined) chosen.set(text, (chosen.get(text) ?? 0) + 1);
        }
      } else if (
        typeof response === 'string' ||
        typeof response === 'number' ||
        typeof response === 'boolean'
      ) {
        const text = String(response);
        const entry = typed.get(text) ?? { count: 0, correct: graded.status === 'correct' };
        entry.count++;
        typed.set(text, entry);
      }
    }
    const n = fractions.length;
    const correctOf = (text: string) => secretChoices?.find((c) => c.text === text)?.correct === true;
    const r = pearson(fractions, rest);
    analysed.set(question.id, {
      questionId: question.id,
      responses: n,
      facilityIndex: n > 0 ? oneDecimal((fractions.reduce((a, b) => a + b, 0) / n) * 100) : null,
      discriminationIndex: r === null ? null : oneDecimal(r * 100),
      choices: secretChoices
        ? secretChoices.map((choice) => {
            const count = chosen.get(choice.text) ?? 0;
            return {
              text: choice.text,
              count,
              share: n > 0 ? oneDecimal((count / n) * 100) : 0,
              correct: correctOf(choice.text),
            };
          })
        : null,
      typedAnswers: secretChoices
        ? null
        : [...typed]
            .map(([text, entry]) => ({ text, count: entry.count, correct: entry.correct }))
            .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
            .slice(0, 20),
    });
  }
  return analysed;
}
