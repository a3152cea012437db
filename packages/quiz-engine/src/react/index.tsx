'use client';

import { lazy, type ReactNode, useId } from 'react';
import { CategoriseControl } from '../types/categorise/control.js';
import type { DraftResponse } from '../types/definition.js';
import { MatchingControl } from '../types/matching/control.js';
import { MultipleResponseControl } from '../types/multiple/control.js';
import { NumericControl } from '../types/numeric/control.js';
import { ShortAnswerControl } from '../types/short/control.js';
import { SingleChoiceControl } from '../types/single/control.js';
import { TrueFalseControl } from '../types/truefalse/control.js';
import type { QuestionControlComponent, QuizTextComponent } from './control.js';

export type { QuestionControlComponent, QuestionControlProps, QuizTextComponent } from './control.js';

// biome-ignore lint/suspicious/noExplicitAny: each control takes its own type's public question
type AnyControl = QuestionControlComponent<any>;

/** The small controls (a few hundred bytes each, sharing their parts): they come with this entry. */
const eagerControls: Readonly<Record<string, AnyControl>> = {
  single: SingleChoiceControl,
  multiple: MultipleResponseControl,
  truefalse: TrueFalseControl,
  short: ShortAnswerControl,
  numeric: NumericControl,
  matching: MatchingControl,
  categorise: CategoriseControl,
};

/**
 * The larger controls, each in its own chunk that a bundler loads only for a quiz that uses its type: a page
 * whose quiz has no ordering, cloze or essay question downloads none of their code.
 */
const controlLoaders: Readonly<Record<string, () => Promise<AnyControl>>> = {
  ordering: () => import('../types/ordering/control.js').then((module) => module.OrderingControl),
  cloze: () => import('../types/cloze/control.js').then((module) => module.ClozeControl),
  essay: () => import('../types/essay/control.js').then((module) => module.EssayControl),
};

const loadedControls = new Map<string, AnyControl>(Object.entries(eagerControls));

/**
 * Loads the controls of these question types (types without a control of their own chunk, or unknown to
 * the package, are skipped), so that `QuestionControl` then renders them at once. Rejects when a chunk
 * cannot be downloaded.
 */
export async function loadQuestionControls(types: Iterable<string>): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const type of new Set(types)) {
    const load = Object.hasOwn(controlLoaders, type) ? controlLoaders[type] : undefined;
    if (load && !loadedControls.has(type)) {
      pending.push(load().then((control) => void loadedControls.set(type, control)));
    }
  }
  await Promise.all(pending);
}

/**
 * The control of every built-in question type, by type; each lives in its type's folder. Ordering, cloze
 * and essay are `React.lazy` components (they suspend the first time, until their chunk is loaded) unless
 * `loadQuestionControls` has loaded them.
 */
export const builtInControls: Readonly<Record<string, AnyControl>> = Object.freeze({
  ...eagerControls,
  ...Object.fromEntries(
    Object.keys(controlLoaders).map((type) => [
      type,
      lazy(async () => {
        await loadQuestionControls([type]);
        return { default: loadedControls.get(type) as AnyControl };
      }),
    ]),
  ),
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

/**
 * The control that suits a question's type; every built-in one works with the keyboard alone. An ordering,
 * cloze or essay control not yet loaded (`loadQuestionControls`) suspends until its chunk arrives.
 */
export function QuestionControl(props: QuestionControlOptions): ReactNode {
  const { question, controls, Text = PlainText, ...rest } = props;
  const name = useId();
  const Control =
    controls?.[question.type] ?? loadedControls.get(question.type) ?? builtInControls[question.type];
  if (Control === undefined) {
    throw new TypeError(`no control for question type '${question.type}': pass it in controls`);
  }
  return <Control question={question} name={name} Text={Text} {...rest} />;
}
