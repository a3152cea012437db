import type { RandomGenerator } from 'pure-rand';
import type { CorrectAnswer, RawGrade, ResponseCheck } from './common.js';

export interface LayoutOptions {
  shuffleChoices: boolean;
}

/**
 * What a question type is, Moodle-style: how it is shown (a seeded layout whose `view` is public),
 * which responses are well formed, and how a response is scored. Behaviours never look inside.
 */
export interface QuestionTypeDefinition<Question, Layout, View, Response> {
  layout(question: Question, rng: RandomGenerator, options: LayoutOptions): Layout;
  /** Needs only the public view, so that an app can check input before it reaches the grader. */
  checkResponse(view: View, value: unknown): ResponseCheck<Response>;
  grade(layout: Layout, response: Response): RawGrade;
  correctAnswer(layout: Layout): CorrectAnswer | undefined;
}
