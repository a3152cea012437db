'use client';

import { type ReactNode, useId } from 'react';
import { CategoriseControl } from '../types/categorise/control.js';
import { ClozeControl } from '../types/cloze/control.js';
import type { DraftResponse } from '../types/definition.js';
import { EssayControl } from '../types/essay/control.js';
import { MatchingControl } from '../types/matching/control.js';
import { MultipleResponseControl } from '../types/multiple/control.js';
import { NumericControl } from '../types/numeric/control.js';
import { OrderingControl } from '../types/ordering/control.js';
import { ShortAnswerControl } from '../types/short/control.js';
import { SingleChoiceControl } from '../types/single/control.js';
import { TrueFalseControl } from '../types/truefalse/control.js';
import type { QuestionControlComponent, QuizTextComponent } from './control.js';

export {
  type AnyClientType,
  builtInClientTypes,
  type ClientQuestionType,
  initialResponse,
  needsHuman,
  publicQuizTexts,
  type ShownQuestion,
} from '../client.js';
export { splitClozeText } from '../types/cloze/segments.js';
export { countWords } from '../types/essay/marking.js';
export { moveItem } from '../types/ordering/move.js';
export type { QuestionControlComponent, QuestionControlProps, QuizTextComponent } from './control.js';

// biome-ignore lint/suspicious/noExplicitAny: each control takes its own type's public question
type AnyControl = QuestionControlComponent<any>;

/** The control of every built-in question type, by type; each lives in its type's folder. */
export const builtInControls: Readonly<Record<string, AnyControl>> = Object.freeze({
  single: SingleChoiceControl,
  multiple: MultipleResponseControl,
  truefalse: TrueFalseControl,
  short: ShortAnswerControl,
  numeric: NumericControl,
  ordering: OrderingControl,
  matching: MatchingControl,
  categorise: CategoriseControl,
  cloze: ClozeControl,
  essay: EssayControl,
});

/** Plain text, for apps that render no Markdown. */
export function PlainText({ text }: { text: string; inline?: boolean }): ReactNode {
  return text;
}

export interface QuestionControlOptions {
  question: { type: string; id: string };
  response: DraftResponse;
  /** Id(s) of the element(s) that name the question (its heading and prompt). */
  labelledBy: string;
  promptId: string;
  disabled: boolean;
  onChange: (response: DraftResponse) => void;
  /** How quiz texts are shown (the app's Markdown rendering); plain text by default. */
  Text?: QuizTextComponent;
  /** Controls of question types defined outside the package, by type (they win over built-in ones). */
  controls?: Readonly<Record<string, AnyControl>>;
}

/** The control that suits a question's type; every built-in one works with the keyboard alone. */
export function QuestionControl(props: QuestionControlOptions): ReactNode {
  const { question, controls, Text = PlainText, ...rest } = props;
  const name = useId();
  const Control = controls?.[question.type] ?? builtInControls[question.type];
  if (Control === undefined) {
    throw new TypeError(`no control for question type '${question.type}': pass it in controls`);
  }
  return <Control question={question} name={name} Text={Text} {...rest} />;
}
