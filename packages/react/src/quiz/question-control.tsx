'use client';

import type { PublicQuestion } from '@coursekit/quiz-engine';
import { QuestionControl as EngineQuestionControl } from '@coursekit/quiz-engine/react';
import type { DraftResponse } from './quiz-responses.js';
import { QuizText } from './quiz-text.js';

export interface QuestionControlProps {
  question: PublicQuestion;
  response: DraftResponse;
  /** Id of the element that names the question (its heading and prompt). */
  labelledBy: string;
  promptId: string;
  disabled: boolean;
  onChange: (response: DraftResponse) => void;
}

/** The control of the question's type (from quiz-engine), with quiz texts rendered as the page renders them. */
export function QuestionControl(props: QuestionControlProps) {
  return <EngineQuestionControl {...props} Text={QuizText} />;
}
