// Answers as a learner sees them: the texts of the choices, items and options to pick on the page,
// derived from a question's answer key (server-side knowledge the tests are allowed to have).
import type { Question } from '@coursekit/quiz-engine';
import type { Locator, Page } from 'playwright-core';

export type VisibleAnswer =
  /** Radio buttons (single choice, true/false): the label to select. */
  | { kind: 'choose-one'; label: string }
  /** Checkboxes (multiple response): the labels to tick; the others stay clear. */
  | { kind: 'choose-all'; labels: string[] }
  /** A text or number field. */
  | { kind: 'type'; text: string }
  /** An ordering list: item texts, first at the top. */
  | { kind: 'order'; texts: string[] }
  /** One drop-down per row (matching, categorise): row label → option text. */
  | { kind: 'pick'; rows: { label: string; option: string }[] }
  /** Cloze blanks in the order they appear: text to type or option to pick. */
  | { kind: 'blanks'; blanks: ({ type: string } | { pick: string })[] };

function firstAccepted(accept: readonly { text: string }[], where: string): string {
  const first = accept[0];
  if (!first) throw new Error(`${where} accepts no answer`);
  return first.text;
}

/** The answer that earns every point of the question. */
export function correctAnswer(question: Question): VisibleAnswer {
  switch (question.type) {
    case 'single': {
      const correct = question.choices.find((choice) => choice.correct);
      if (!correct) throw new Error(`question ${question.id} has no correct choice`);
      return { kind: 'choose-one', label: correct.text };
    }
    case 'truefalse':
      return { kind: 'choose-one', label: question.answer ? 'True' : 'False' };
    case 'multiple':
      return {
        kind: 'choose-all',
        labels: question.choices.filter((choice) => choice.correct).map((choice) => choice.text),
      };
    case 'short':
      return { kind: 'type', text: firstAccepted(question.accept, `question ${question.id}`) };
    case 'numeric':
      return { kind: 'type', text: String(question.answer) };
    case 'ordering':
      return { kind: 'order', texts: question.items.map((item) => item.text) };
    case 'matching':
      return { kind: 'pick', rows: question.pairs.map((pair) => ({ label: pair.left, option: pair.right })) };
    case 'categorise': {
      const labels = new Map(question.categories.map((category) => [category.id, category.label]));
      return {
        kind: 'pick',
        rows: question.items.map((item) => ({ label: item.text, option: labels.get(item.category) ?? '' })),
      };
    }
    case 'cloze':
      return {
        kind: 'blanks',
        blanks: question.blanks.map((blank) => {
          if (blank.kind === 'text') return { type: firstAccepted(blank.accept, `blank ${blank.id}`) };
          const correct = blank.choices.find((choice) => choice.correct);
          if (!correct) throw new Error(`blank ${blank.id} has no correct choice`);
          return { pick: correct.text };
        }),
      };
    default:
      throw new Error(`no visible answer for ${question.type} question ${question.id}`);
  }
}

/** An answer that earns no points: the first wrong choice, or the opposite of true/false. */
export function wrongAnswer(question: Question): VisibleAnswer {
  if (question.type === 'truefalse') return { kind: 'choose-one', label: question.answer ? 'False' : 'True' };
  if (question.type === 'single') {
    const wrong = question.choices.find((choice) => !choice.correct);
    if (wrong) return { kind: 'choose-one', label: wrong.text };
  }
  throw new Error(`no wrong answer defined for ${question.type} question ${question.id}`);
}

/**
 * The start of a question's prompt as the page shows it: up to the first Markdown or citation mark,
 * with spaces collapsed, so that it can find the question however the rest is rendered.
 */
export function promptKey(question: Question): string {
  const plain = (question.prompt ?? '').split(/[*_`[\]]/)[0] ?? '';
  return plain.replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** The section of the quiz that shows this question (questions may be shuffled). */
export function questionSection(page: Page, question: Question): Locator {
  return page
    .locator('section.question')
    .filter({ has: page.locator('[id$="-prompt"]', { hasText: promptKey(question) }) });
}

/** The quiz's questions in the order the page shows them (each learner gets their own shuffle). */
export async function questionsInPageOrder(page: Page, questions: readonly Question[]): Promise<Question[]> {
  const prompts = await page.locator('section.question [id$="-prompt"]').allTextContents();
  return prompts.map((prompt) => {
    const shown = prompt.replace(/\s+/g, ' ');
    const question = questions.find((candidate) => shown.includes(promptKey(candidate)));
    if (!question) throw new Error(`the page shows a question the quiz file does not have: ${shown}`);
    return question;
  });
}
