import type { TextChoice, TextFormat } from 'gift-pegjs';
import type { Choice } from '../types/choices.js';
import { defaultIds, type GiftMeta } from './meta.js';

/** Backslash-escapes GIFT's control characters and writes line breaks as `\n`. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, '\\$&')
    .replace(/\r?\n/g, '\\n');
}

/** GIFT reads a leading `%` as a weight and has no escape for it, so such an answer gets an explicit weight. */
export function answerText(text: string, weight: string): string {
  return `${text.startsWith('%') ? weight : ''}${escapeGift(text)}`;
}

export function formatNumber(value: number): string {
  return String(Math.round(value * 100_000) / 100_000);
}

/** `%50%`, `%-33.33333%`: a weight as GIFT writes it, five decimals like Moodle's own export. */
export function percent(weight: number): string {
  return `%${formatNumber(weight * 100)}%`;
}

/** ` #feedback`, or nothing. */
export function feedbackText(text: string | undefined): string {
  return text === undefined ? '' : ` #${escapeGift(text)}`;
}

/** The text of gift-pegjs formatted text, or undefined. */
export function plain(text: TextFormat | null | undefined): string | undefined {
  if (text === null || text === undefined) return undefined;
  return text.text;
}

/** Choice ids travel in the coursekit comment only when they differ from the derived ones. */
export function choiceIdsMeta(choices: readonly Choice[], meta: GiftMeta): void {
  const ids = choices.map((choice) => choice.id);
  if (ids.join('\u0000') !== defaultIds('choice', ids.length).join('\u0000')) meta.choiceIds = ids;
}

/** A choice as authored: `correct: true` for a plain `=` answer, a `weight` (percent) when asked to. */
export function authoredChoice(choice: TextChoice, weighted: boolean): Record<string, unknown> {
  const authored: Record<string, unknown> = { text: choice.text.text };
  const weight = choice.weight ?? (choice.isCorrect ? 100 : 0);
  if (weighted) authored.weight = weight;
  else if (weight === 100) authored.correct = true;
  const feedback = plain(choice.feedback);
  if (feedback !== undefined) authored.feedback = feedback;
  return authored;
}

/**
 * One choice of a single-choice question (or choice blank): `=` for full credit, `~` for none, `~%N%`
 * between. A text that starts with `%` gets an explicit weight so that it is not read as one.
 */
export function singleChoiceAnswer(choice: Choice): string {
  const full = choice.weight >= 1;
  const plainWeight = full || choice.weight === 0;
  const weight = plainWeight
    ? choice.text.startsWith('%')
      ? percent(choice.weight)
      : ''
    : percent(choice.weight);
  return `${full ? '=' : '~'}${weight}${escapeGift(choice.text)}${feedbackText(choice.feedback)}`;
}
