import type { PublicQuiz } from '@coursekit/quiz-engine';

export type ClozeSegment = { type: 'text'; value: string } | { type: 'blank'; id: string };

/** A cloze passage split at its `{{blank-id}}` placeholders, in order. */
export function splitClozeText(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    if (match.index > last) segments.push({ type: 'text', value: text.slice(last, match.index) });
    segments.push({ type: 'blank', id: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ type: 'text', value: text.slice(last) });
  return segments;
}

export interface QuizTexts {
  /** Prompts: may hold several paragraphs. */
  block: string[];
  /** Choices, items, pairs, categories, cloze passages between blanks, rubric criteria: one line each. */
  inline: string[];
}

/**
 * Every piece of Markdown a learner sees in a quiz's public form, so that the page can render them on the
 * server. Only the public form is read: nothing here can carry an answer or feedback.
 */
export function publicQuizTexts(quiz: PublicQuiz): QuizTexts {
  const block = new Set<string>();
  const inline = new Set<string>();
  const addInline = (text: string) => {
    if (text.trim()) inline.add(text.trim());
  };
  for (const question of quiz.questions) {
    if (question.prompt.trim()) block.add(question.prompt);
    switch (question.type) {
      case 'single':
      case 'multiple':
        for (const choice of question.choices) addInline(choice.text);
        break;
      case 'ordering':
        for (const item of question.items) addInline(item.text);
        break;
      case 'matching':
        for (const side of [...question.left, ...question.right]) addInline(side.text);
        break;
      case 'categorise':
        for (const category of question.categories) addInline(category.label);
        for (const item of question.items) addInline(item.text);
        break;
      case 'cloze':
        for (const segment of splitClozeText(question.text)) {
          if (segment.type === 'text') addInline(segment.value);
        }
        for (const blank of question.blanks) {
          if (blank.kind === 'choice') for (const choice of blank.choices) addInline(choice.text);
        }
        break;
      case 'essay':
        for (const criterion of question.rubric) {
          addInline(criterion.criterion);
          for (const level of criterion.levels ?? []) addInline(level.descriptor);
        }
        break;
      default:
        break;
    }
  }
  return { block: [...block], inline: [...inline] };
}

/** Every string anywhere in a value (a quiz in its secret form): what may be rendered for its learners. */
export function allStrings(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.trim()) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) allStrings(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) allStrings(item, into);
  }
  return into;
}
