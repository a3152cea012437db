import { createIssue, type Issue, toSlug } from '@coursekit/issues';
import { type GIFTQuestion, type NumericalFormat, parse, type TextChoice, type TextFormat } from 'gift-pegjs';
import { formatPath, QuizValidationError } from '../errors.js';
import { parseQuiz } from '../parse.js';
import type { AuthoredQuiz, Quiz } from '../quiz.js';
import { SLUG_PATTERN } from '../types/common.js';
import { type GiftMeta, joinAroundBlank, META_COMMENT, META_KEYS } from './meta.js';

/**
 * One problem in GIFT text, at its line.
 * @deprecated as the type apps report: use `GiftImportError.toIssues(file)`, which gives `Issue`s of
 * `@coursekit/issues` like every other package; this shape stays for one minor version.
 */
export interface GiftIssue {
  /** 1-based line in the GIFT text. */
  line: number;
  column?: number;
  message: string;
}

/** Thrown by `importGift` with every problem found, each with its line. */
export class GiftImportError extends Error {
  override readonly name = 'GiftImportError';
  readonly issues: GiftIssue[];

  constructor(issues: GiftIssue[]) {
    const lines = issues.map(
      (issue) => `  ${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}  ${issue.message}`,
    );
    super(`GIFT text has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.issues = issues;
  }

  /** Every problem as an issue of `file` (rule `quiz/gift`) at its line and column. */
  toIssues(file: string): Issue[] {
    return this.issues.map((issue) =>
      createIssue(file, 'quiz/gift', issue.message, {
        line: issue.line,
        column: issue.column ?? 1,
        source: '@coursekit/quiz-engine',
      }),
    );
  }
}

/** Quiz-level settings GIFT cannot carry; the questions come from the text. */
export type GiftImportOptions = Partial<Omit<AuthoredQuiz, 'questions'>>;

interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  text: string;
  meta: { line: number; json: string }[];
}

/** Moodle splits GIFT into questions at blank lines; so do we, to report every syntax error, not only the first. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = { line: index + 1, text: '', meta: [] };
      blocks.push(current);
    }
    const meta = META_COMMENT.exec(line);
    if (meta) current.meta.push({ line: index + 1, json: meta[1] as string });
    // Keep line numbers aligned inside the block: a meta line becomes an empty comment.
    current.text += `${meta ? '//' : line}\n`;
  });
  return blocks.filter((block) =>
    block.text.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('//')),
  );
}

function plain(text: TextFormat | null | undefined): string | undefined {
  if (text === null || text === undefined) return undefined;
  return text.text;
}

const EMBEDDED_BLANK = '_____';

/** gift-pegjs leaves escaped characters in matching answers as Moodle's `&&058;` placeholders. */
function decodeEscapes(text: string): string {
  return text.replace(/&&(\d{2,3});/g, (_, code: string) => String.fromCharCode(Number(code)));
}
const WEIGHT_SLACK = 0.01;

type Authored = Record<string, unknown>;
type Converted = { ok: true; question: Authored } | { ok: false; message: string };

function choiceWith(choice: TextChoice, correct: boolean | undefined): Authored {
  const authored: Authored = { text: choice.text.text };
  if (correct) authored.correct = true;
  const feedback = plain(choice.feedback);
  if (feedback !== undefined) authored.feedback = feedback;
  return authored;
}

function convertMultipleChoice(choices: TextChoice[]): Converted {
  if (choices.some((choice) => choice.isCorrect)) {
    const partial = choices.find(
      (choice) => choice.weight !== null && choice.weight !== 100 && choice.weight !== 0,
    );
    if (partial) {
      return {
        ok: false,
        message: `'${partial.text.text}' has weight ${partial.weight}%: coursekit single-choice questions are right or wrong; drop the weight or use ~%N% weights on every choice for a multiple-response question`,
      };
    }
    return {
      ok: true,
      question: { type: 'single', choices: choices.map((choice) => choiceWith(choice, choice.isCorrect)) },
    };
  }
  const weights = choices.map((choice) => choice.weight ?? 0);
  const positive = weights.filter((weight) => weight > 0);
  const negative = weights.filter((weight) => weight < 0);
  const share = 100 / Math.max(1, positive.length);
  if (positive.some((weight) => Math.abs(weight - share) > WEIGHT_SLACK * share + WEIGHT_SLACK)) {
    return {
      ok: false,
      message: `right answers must share 100% equally (here ${positive.map((weight) => `${weight}%`).join(', ')}): coursekit gives each correct pick the same credit`,
    };
  }
  if (negative.some((weight) => Math.abs(weight - (negative[0] as number)) > WEIGHT_SLACK)) {
    return {
      ok: false,
      message:
        'wrong answers must all carry the same negative weight (coursekit has one penalty per question)',
    };
  }
  if (negative.length > 0 && weights.some((weight) => weight === 0)) {
    return {
      ok: false,
      message: 'some wrong answers have a negative weight and others none: give them all the same weight',
    };
  }
  const penalty =
    negative.length === 0 ? 0 : Math.round((-(negative[0] as number) / share) * 10_000) / 10_000;
  return {
    ok: true,
    question: {
      type: 'multiple',
      penalty,
      choices: choices.map((choice, index) => choiceWith(choice, (weights[index] as number) > 0)),
    },
  };
}

function convertShortAnswer(choices: TextChoice[]): Converted {
  const partial = choices.find((choice) => choice.weight !== null && choice.weight !== 100);
  if (partial) {
    return {
      ok: false,
      message: `'${partial.text.text}' has weight ${partial.weight}%: short answers in coursekit are right or wrong`,
    };
  }
  return {
    ok: true,
    question: {
      type: 'short',
      accept: choices.map((choice) => {
        const feedback = plain(choice.feedback);
        return feedback === undefined ? choice.text.text : { text: choice.text.text, feedback };
      }),
    },
  };
}

function convertNumeric(question: Extract<GIFTQuestion, { type: 'Numerical' }>): Converted {
  let format: NumericalFormat;
  let feedback: string | undefined;
  if (Array.isArray(question.choices)) {
    const only = question.choices[0];
    if (question.choices.length !== 1 || only === undefined || (only.weight ?? 100) !== 100) {
      return {
        ok: false,
        message:
          'coursekit numeric questions have one answer (value:tolerance or low..high), without partial credit',
      };
    }
    format = only.text;
    feedback = plain(only.feedback);
  } else format = question.choices;
  const converted: Authored =
    format.type === 'high-low'
      ? {
          type: 'numeric',
          answer: ((format.numberLow ?? 0) + (format.numberHigh ?? 0)) / 2,
          tolerance: Math.abs((format.numberHigh ?? 0) - (format.numberLow ?? 0)) / 2,
        }
      : { type: 'numeric', answer: format.number, tolerance: format.range ?? 0 };
  // A numeric question has no per-answer feedback; the answer's feedback joins the explanation.
  if (feedback) converted.explanation = feedback;
  return { ok: true, question: converted };
}

function convert(question: Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>): Converted {
  switch (question.type) {
    case 'MC':
      return convertMultipleChoice(question.choices);
    case 'Short':
      return convertShortAnswer(question.choices);
    case 'Numerical':
      return convertNumeric(question);
    case 'TF': {
      // Moodle reads {T#a#b} as a = feedback for a wrong answer, b = for a right one; gift-pegjs keeps them in order.
      const wrong = plain(question.trueFeedback);
      const right = plain(question.falseFeedback);
      const converted: Authored = { type: 'truefalse', answer: question.isTrue };
      const forTrue = question.isTrue ? right : wrong;
      const forFalse = question.isTrue ? wrong : right;
      if (forTrue) converted.feedbackTrue = forTrue;
      if (forFalse) converted.feedbackFalse = forFalse;
      return { ok: true, question: converted };
    }
    case 'Matching': {
      const pairs = question.matchPairs.filter((pair) => pair.subquestion.text !== '');
      const distractors = question.matchPairs
        .filter((pair) => pair.subquestion.text === '')
        .map((pair) => pair.subanswer);
      const converted: Authored = {
        type: 'matching',
        pairs: pairs.map((pair) => ({ left: pair.subquestion.text, right: decodeEscapes(pair.subanswer) })),
      };
      if (distractors.length > 0) converted.distractors = distractors.map(decodeEscapes);
      return { ok: true, question: converted };
    }
    case 'Essay':
      return { ok: true, question: { type: 'essay' } };
  }
}

/** A missing-word question ("Two plus {=two} equals four") becomes a one-blank cloze. */
function toCloze(converted: Authored, stem: string): Converted {
  const parts = stem.split(EMBEDDED_BLANK);
  if (parts.length !== 2)
    return { ok: false, message: 'a missing-word question needs exactly one {…} inside its text' };
  const text = joinAroundBlank(parts[0] as string, '{{blank}}', parts[1] as string);
  if (converted.type === 'single')
    return { ok: true, question: { type: 'cloze', text, blanks: { blank: { choices: converted.choices } } } };
  if (converted.type === 'short')
    return { ok: true, question: { type: 'cloze', text, blanks: { blank: { accept: converted.accept } } } };
  return {
    ok: false,
    message: 'only multiple-choice and short-answer questions can have their answer inside the text',
  };
}

function applyMeta(question: Authored, meta: GiftMeta): void {
  const { choiceIds, pairIds, blank, category, ...plainFields } = meta;
  Object.assign(question, plainFields);
  if (category === null) delete question.category;
  else if (category !== undefined) question.category = category;
  const assignIds = (list: unknown, ids: unknown) => {
    if (!Array.isArray(list) || !Array.isArray(ids)) return;
    for (const [index, item] of list.entries()) Object.assign(item as object, { id: ids[index] });
  };
  if (question.type === 'cloze' && typeof blank === 'string') {
    const blanks = question.blanks as Record<string, Authored>;
    const only = blanks.blank as Authored;
    question.text = String(question.text).replace('{{blank}}', `{{${blank}}}`);
    question.blanks = { [blank]: only };
    assignIds(only.choices, choiceIds);
  } else {
    assignIds(question.choices, choiceIds);
    assignIds(question.pairs, pairIds);
  }
}

function readMeta(block: Block, issues: GiftIssue[]): GiftMeta {
  const meta: GiftMeta = {};
  for (const entry of block.meta) {
    let value: unknown;
    try {
      value = JSON.parse(entry.json);
    } catch {
      issues.push({ line: entry.line, message: 'the coursekit comment must hold a JSON object' });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ line: entry.line, message: 'the coursekit comment must hold a JSON object' });
      continue;
    }
    for (const [key, field] of Object.entries(value)) {
      if ((META_KEYS as readonly string[]).includes(key)) meta[key as keyof GiftMeta] = field;
      else issues.push({ line: entry.line, message: `unknown key '${key}' in the coursekit comment` });
    }
  }
  return meta;
}

/**
 * Reads Moodle GIFT (multiple choice, multiple response with weights, true/false, short answer, numeric
 * with tolerance or range, matching, essay, missing-word; comments, `$CATEGORY`, titles, per-answer and
 * general feedback) into a `Quiz`. Throws `GiftImportError` listing every problem with its line.
 */
export function importGift(text: string, options: GiftImportOptions = {}): Quiz {
  const issues: GiftIssue[] = [];
  const questions: Authored[] = [];
  const questionLines: number[] = [];
  const usedIds = new Set<string>();
  let category: string | undefined;

  for (const block of splitBlocks(text.replace(/^\uFEFF/, ''))) {
    const meta = readMeta(block, issues);
    let parsed: GIFTQuestion[];
    try {
      parsed = parse(block.text);
    } catch (error) {
      const location = (error as { location?: { start: { line: number; column: number } } }).location?.start;
      issues.push({
        // The parser can report the line after the block when it hits the end; point at the block instead.
        line: block.line + Math.min(location?.line ?? 1, block.text.split('\n').length - 1) - 1,
        ...(location ? { column: location.column } : {}),
        message: `GIFT syntax: ${(error as Error).message}`,
      });
      continue;
    }
    for (const item of parsed) {
      if (item.type === 'Category') {
        category = item.title.trim() || undefined;
        continue;
      }
      if (item.type === 'Description') {
        issues.push({
          line: block.line,
          message:
            'text without {answers} is a description, which coursekit quizzes do not have; add answers or remove it',
        });
        continue;
      }
      let converted = convert(item);
      if (converted.ok && item.hasEmbeddedAnswers) converted = toCloze(converted.question, item.stem.text);
      if (!converted.ok) {
        issues.push({ line: block.line, message: converted.message });
        continue;
      }
      const question = converted.question;
      const candidate =
        item.id && SLUG_PATTERN.test(item.id)
          ? item.id
          : toSlug(item.title ?? '', { maxLength: 60 }) || `question-${questions.length + 1}`;
      let id = candidate;
      for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${candidate}-${suffix}`;
      usedIds.add(id);
      question.id = id;
      if (question.type !== 'cloze') question.prompt = item.stem.text;
      const explanation = [question.explanation, plain(item.globalFeedback)].filter(Boolean).join('\n\n');
      if (explanation) question.explanation = explanation;
      if (item.tags && item.tags.length > 0) question.objectives = item.tags;
      if (category !== undefined) question.category = category;
      applyMeta(question, meta);
      questions.push(question);
      questionLines.push(block.line);
    }
  }

  if (questions.length === 0 && issues.length === 0) issues.push({ line: 1, message: 'no questions found' });
  if (issues.length > 0) throw new GiftImportError(issues);
  try {
    return parseQuiz({ id: 'gift-import', title: 'Imported questions', ...options, questions });
  } catch (error) {
    if (!(error instanceof QuizValidationError)) throw error;
    throw new GiftImportError(
      error.issues.map((issue) => {
        const [first, index, ...rest] = issue.path;
        if (first === 'questions' && typeof index === 'number') {
          const where = rest.length === 0 ? '' : `${formatPath(rest)}: `;
          return {
            line: questionLines[index] ?? 1,
            message: `question ${index + 1}: ${where}${issue.message}`,
          };
        }
        return { line: 1, message: `options.${formatPath(issue.path)}: ${issue.message}` };
      }),
    );
  }
}
