import type { Quiz } from '../quiz.js';
import type { Choice } from '../types/choices.js';
import type { NumericAnswer } from '../types/numeric.js';
import type { Question } from '../types/registry.js';
import type { AcceptedAnswer } from '../types/short.js';
import { defaultIds, EMBEDDED_BLANK, type GiftMeta, joinAroundBlank } from './meta.js';

export interface GiftExportIssue {
  questionId: string;
  message: string;
}

/** Thrown by `exportGift` when questions cannot be written as GIFT (unless `skipUnsupported`). */
export class GiftExportError extends Error {
  override readonly name = 'GiftExportError';
  readonly issues: GiftExportIssue[];

  constructor(issues: GiftExportIssue[]) {
    super(
      `${issues.length} question${issues.length === 1 ? '' : 's'} cannot be written as GIFT:\n${issues
        .map((issue) => `  ${issue.questionId}: ${issue.message}`)
        .join('\n')}`,
    );
    this.issues = issues;
  }
}

export interface GiftExportOptions {
  /** Leave out what GIFT cannot express (pools, ordering, categorise, most cloze) instead of throwing. */
  skipUnsupported?: boolean;
}

/** Backslash-escapes GIFT's control characters and writes line breaks as `\n`. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, '\\$&')
    .replace(/\r?\n/g, '\\n');
}

/** GIFT reads a leading `%` as a weight and has no escape for it, so such an answer gets an explicit weight. */
function answerText(text: string, weight: string): string {
  return `${text.startsWith('%') ? weight : ''}${escapeGift(text)}`;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 100_000) / 100_000);
}

function feedback(text: string | undefined): string {
  return text === undefined ? '' : ` #${escapeGift(text)}`;
}

function choiceIdsMeta(choices: readonly Choice[], meta: GiftMeta): void {
  const ids = choices.map((choice) => choice.id);
  if (ids.join('\u0000') !== defaultIds('choice', ids.length).join('\u0000')) meta.choiceIds = ids;
}

/** `%50%`, `%-33.33333%`: a weight as GIFT writes it, five decimals like Moodle's own export. */
function percent(weight: number): string {
  return `%${formatNumber(weight * 100)}%`;
}

/**
 * One choice of a single-choice question (or choice blank): `=` for full credit, `~` for none, `~%N%`
 * between. A text that starts with `%` gets an explicit weight so that it is not read as one.
 */
function singleChoiceAnswer(choice: Choice): string {
  const mark = choice.weight >= 1 ? '=' : '~';
  const weight =
    choice.weight >= 1 || choice.weight === 0
      ? choice.text.startsWith('%')
        ? percent(choice.weight)
        : ''
      : percent(choice.weight);
  return `${mark}${weight}${escapeGift(choice.text)}${feedback(choice.feedback)}`;
}

/** Typed answers: `=text` for full credit, `=%N%text` for partial credit (Moodle's short answer). */
function acceptedAnswer(answer: AcceptedAnswer): string {
  const weight =
    answer.weight >= 1
      ? answerText(answer.text, '%100%')
      : `${percent(answer.weight)}${escapeGift(answer.text)}`;
  return `=${weight}${feedback(answer.feedback)}`;
}

/** `value:tolerance`, or `min..max` for an answer authored as a range. */
function numericValue(entry: NumericAnswer): string {
  if (entry.min !== undefined && entry.max !== undefined) {
    return `${formatNumber(entry.min)}..${formatNumber(entry.max)}`;
  }
  return `${formatNumber(entry.answer)}:${formatNumber(entry.tolerance)}`;
}

type Written =
  | { ok: true; answers: string; meta: GiftMeta; around?: { before: string; after: string } }
  | { ok: false; message: string };

function writeAnswers(question: Question): Written {
  const meta: GiftMeta = {};
  switch (question.type) {
    case 'single':
      choiceIdsMeta(question.choices, meta);
      return {
        ok: true,
        meta,
        answers: question.choices.map((choice) => `\t${singleChoiceAnswer(choice)}`).join('\n'),
      };
    case 'multiple':
      // No `=` answer: Moodle reads a multiple-response question whose weights add up.
      choiceIdsMeta(question.choices, meta);
      return {
        ok: true,
        meta,
        answers: question.choices
          .map(
            (choice) =>
              `\t~${choice.weight !== 0 ? percent(choice.weight) : choice.text.startsWith('%') ? '%0%' : ''}${escapeGift(choice.text)}${feedback(choice.feedback)}`,
          )
          .join('\n'),
      };
    case 'truefalse': {
      const forWrong = question.answer ? question.feedbackFalse : question.feedbackTrue;
      const forRight = question.answer ? question.feedbackTrue : question.feedbackFalse;
      let answers = question.answer ? 'TRUE' : 'FALSE';
      if (forWrong !== undefined || forRight !== undefined) answers += `#${escapeGift(forWrong ?? '')}`;
      if (forRight !== undefined) answers += `#${escapeGift(forRight)}`;
      return { ok: true, meta, answers };
    }
    case 'short':
      if (question.pattern !== undefined) meta.pattern = question.pattern;
      return {
        ok: true,
        meta,
        answers: question.accept.map((answer) => `\t${acceptedAnswer(answer)}`).join('\n'),
      };
    case 'numeric': {
      const [only] = question.answers;
      if (
        question.answers.length === 1 &&
        only !== undefined &&
        only.weight >= 1 &&
        only.feedback === undefined
      ) {
        return { ok: true, meta, answers: `#${numericValue(only)}` };
      }
      const lines = question.answers.map(
        (entry) =>
          `\t=${entry.weight >= 1 ? '' : percent(entry.weight)}${numericValue(entry)}${feedback(entry.feedback)}`,
      );
      return { ok: true, meta, answers: `#\n${lines.join('\n')}` };
    }
    case 'matching': {
      if (question.pairs.some((pair) => pair.left.includes('->'))) {
        return { ok: false, message: "a left-hand side contains '->', which GIFT uses to separate pairs" };
      }
      const ids = question.pairs.map((pair) => pair.id);
      if (ids.join('\u0000') !== defaultIds('pair', ids.length).join('\u0000')) meta.pairIds = ids;
      // Moodle's matching question always credits each pair; all-or-nothing travels in the comment.
      if (question.scoring !== 'per-item') meta.scoring = question.scoring;
      const lines = [
        ...question.pairs.map((pair) => `\t=${escapeGift(pair.left)} -> ${escapeGift(pair.right)}`),
        ...question.distractors.map((text) => `\t= -> ${escapeGift(text)}`),
      ];
      return { ok: true, meta, answers: lines.join('\n') };
    }
    case 'essay':
      if (question.minWords !== undefined) meta.minWords = question.minWords;
      if (question.maxWords !== undefined) meta.maxWords = question.maxWords;
      if (question.rubric.length > 0) meta.rubric = question.rubric;
      if (question.guidance !== undefined) meta.guidance = question.guidance;
      return { ok: true, meta, answers: '' };
    case 'cloze':
      return writeMissingWord(question, meta);
    case 'ordering':
    case 'categorise':
      return { ok: false, message: `GIFT has no ${question.type} questions` };
  }
}

function writeMissingWord(question: Extract<Question, { type: 'cloze' }>, meta: GiftMeta): Written {
  const blank = question.blanks[0];
  if (question.blanks.length !== 1 || blank === undefined) {
    return {
      ok: false,
      message: 'GIFT can only write a cloze with exactly one blank (a missing-word question)',
    };
  }
  const placeholder = `{{${blank.id}}}`;
  const [before = '', after = ''] = question.text.split(placeholder);
  if (after.trim() === '' || joinAroundBlank(before, placeholder, after) !== question.text) {
    return {
      ok: false,
      message: 'GIFT needs text after the blank and single spaces around it (no space before punctuation)',
    };
  }
  if (blank.id !== 'blank') meta.blank = blank.id;
  if (question.prompt !== '') meta.prompt = question.prompt;
  let answers: string;
  if (blank.kind === 'choice') {
    choiceIdsMeta(blank.choices, meta);
    answers = blank.choices.map(singleChoiceAnswer).join(' ');
  } else {
    if (blank.pattern !== undefined) {
      return { ok: false, message: 'GIFT cannot carry the pattern of a cloze blank' };
    }
    answers = blank.accept.map(acceptedAnswer).join(' ');
  }
  return {
    ok: true,
    meta,
    answers,
    around: { before: escapeGift(before.trimEnd()), after: escapeGift(after.trimStart()) },
  };
}

/** A prompt with one `_____` (as Moodle imports answers inside the text) puts the answers back there. */
function withPromptBlank(question: Question, written: Written): Written {
  if (!written.ok || written.around !== undefined || question.type === 'cloze') return written;
  const parts = question.prompt.split(EMBEDDED_BLANK);
  if (parts.length !== 2) return written;
  const [before, after] = parts as [string, string];
  if (after.trim() === '' || joinAroundBlank(before, EMBEDDED_BLANK, after) !== question.prompt)
    return written;
  return {
    ...written,
    around: { before: escapeGift(before.trimEnd()), after: escapeGift(after.trimStart()) },
  };
}

function writeQuestion(
  question: Question,
  previousCategory: string | undefined,
): Written & { text?: string } {
  const written = withPromptBlank(question, writeAnswers(question));
  if (!written.ok) return written;
  if (question.type !== 'matching' && written.answers.includes('->')) {
    return {
      ok: false,
      message: "an answer or its feedback contains '->', which GIFT reads as a matching pair",
    };
  }
  const meta: GiftMeta = { ...written.meta };
  if (question.points !== 1 && !(question.type === 'essay' && question.rubric.length > 0))
    meta.points = question.points;
  if (question.hints.length > 0) meta.hints = question.hints;
  if (question.category === undefined && previousCategory !== undefined) meta.category = null;
  const lines: string[] = [];
  if (question.category !== undefined && question.category !== previousCategory) {
    lines.push(`$CATEGORY: ${question.category}`, '');
  }
  if (Object.keys(meta).length > 0) lines.push(`// coursekit: ${JSON.stringify(meta)}`);
  if (question.objectives.length > 0)
    lines.push(`// ${question.objectives.map((id) => `[tag:${id}]`).join(' ')}`);
  const general = question.explanation === undefined ? '' : `\n\t####${escapeGift(question.explanation)}`;
  if (written.around !== undefined) {
    const { before, after } = written.around;
    const general = question.explanation === undefined ? '' : ` ####${escapeGift(question.explanation)}`;
    lines.push(
      `::${question.id}::[markdown]${before}${before === '' ? '' : ' '}{${written.answers}${general}} ${after}`,
    );
  } else {
    const body = written.answers.includes('\n')
      ? `{\n${written.answers}${general}\n}`
      : `{${written.answers}${general}}`;
    lines.push(`::${question.id}::[markdown]${escapeGift(question.prompt)} ${body}`);
  }
  return { ...written, text: lines.join('\n') };
}

/**
 * Writes a quiz as Moodle GIFT. Fields GIFT has no syntax for (points, hints, rubric, …) travel in a
 * `// coursekit: {...}` comment so that `importGift(exportGift(quiz))` gives back the same questions.
 * Throws `GiftExportError` for questions GIFT cannot express, unless `skipUnsupported` is set.
 */
export function exportGift(quiz: Quiz, options: GiftExportOptions = {}): string {
  const issues: GiftExportIssue[] = [];
  const blocks: string[] = [
    `// ${quiz.title.replace(/\r?\n/g, ' ')} (quiz ${quiz.id}), written by @coursekit/quiz-engine`,
  ];
  let category: string | undefined;
  for (const entry of quiz.questions) {
    if (entry.type === 'pool') {
      issues.push({ questionId: entry.id, message: 'GIFT has no question pools' });
      continue;
    }
    const written = writeQuestion(entry, category);
    if (!written.ok || written.text === undefined) {
      issues.push({ questionId: entry.id, message: written.ok ? 'could not be written' : written.message });
      continue;
    }
    blocks.push(written.text);
    // Like Moodle, the importer keeps a category until the next $CATEGORY line.
    if (entry.category !== undefined) category = entry.category;
  }
  if (issues.length > 0 && !options.skipUnsupported) throw new GiftExportError(issues);
  return `${blocks.join('\n\n')}\n`;
}
