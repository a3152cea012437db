import type { ComponentType, ReactNode } from 'react';
import type { DraftResponse } from '../types/definition.js';

/** Renders one quiz text (Markdown as the app renders it); `inline` for choices, items and labels. */
export type QuizTextComponent = ComponentType<{ text: string; inline?: boolean }>;

/** What every question type's control receives. */
export interface QuestionControlProps<View> {
  question: View;
  response: DraftResponse;
  /** Id(s) of the element(s) that name the question (its heading and prompt). */
  labelledBy: string;
  promptId: string;
  disabled: boolean;
  onChange: (response: DraftResponse) => void;
  /** A stable id prefix for this question's form fields. */
  name: string;
  Text: QuizTextComponent;
}

export type QuestionControlComponent<View> = (props: QuestionControlProps<View>) => ReactNode;

export function recordOf(response: DraftResponse): Record<string, string> {
  return response !== null && typeof response === 'object' && !Array.isArray(response) ? response : {};
}
