import { type GIFTQuestion, parse } from 'gift-pegjs';
import { formatPath, QuizValidationError } from '../errors.js';
import { parseQuiz } from '../parse.js';
import type { AuthoredQuiz, Quiz } from '../quiz.js';
import { SLUG_PATTERN } from '../types/common.js';
import type { GiftQuestion, GiftRead } from '../types/definition.js';
import { builtInTypeTable, type QuestionTypeTable } from '../types/registry.js';
import {
  assignIds,
  EMBEDDED_BLANK,
  type GiftMeta,
  joinAroundBlank,
  META_COMMENT,
  META_KEYS,
} from './meta.js';
import { plain } from './text.js';

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

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

type Authored = Record<string, unknown>;
type Converted = GiftRead;

/** The first type whose GIFT mapping reads this question. */
function convert(item: GiftQuestion, types: QuestionTypeTable): Converted {
  for (const definition of types.values()) {
    const read = definition.gift?.read?.(item);
    if (read !== undefined) return read;
  }
  return { ok: false, message: `coursekit has no question type for GIFT ${item.type} questions` };
}

/**
 * Answers inside the text ("Two plus {=two} equals four"): a type that takes them (cloze, for choices
 * and typed answers) turns the question into its own; other types keep Moodle's `_____` in their prompt.
 */
function withEmbeddedAnswers(converted: Authored, stem: string, types: QuestionTypeTable): Converted {
  const parts = stem.split(EMBEDDED_BLANK);
  if (parts.length !== 2)
    return { ok: false, message: 'a missing-word question needs exactly one {…} inside its text' };
  const [before, after] = parts as [string, string];
  for (const definition of types.values()) {
    const read = definition.gift?.readEmbedded?.(converted, before, after);
    if (read !== undefined) return read;
  }
  return { ok: true, question: { ...converted, prompt: joinAroundBlank(before, EMBEDDED_BLANK, after) } };
}

/** Fields from the coursekit comment: a type's mapping takes what only it knows, the rest is copied. */
function applyMeta(question: Authored, meta: GiftMeta, types: QuestionTypeTable): void {
  const left = types.get(String(question.type))?.gift?.applyMeta?.(question, meta) ?? meta;
  const { choiceIds, pairIds, category, ...plainFields } = left;
  Object.assign(question, plainFields);
  if (category === null) delete question.category;
  else if (category !== undefined) question.category = category;
  assignIds(question.choices, choiceIds);
  assignIds(question.pairs, pairIds);
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
  return importGiftWith(text, options, parseQuiz, builtInTypeTable);
}

/** @internal `importGift` for the question types of one engine. */
export function importGiftWith(
  text: string,
  options: GiftImportOptions,
  parseQuizData: (data: unknown) => Quiz,
  types: QuestionTypeTable,
): Quiz {
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
      let converted = convert(item, types);
      if (converted.ok && item.hasEmbeddedAnswers)
        converted = withEmbeddedAnswers(converted.question, item.stem.text, types);
      if (!converted.ok) {
        issues.push({ line: block.line, message: converted.message });
        continue;
      }
      const question = converted.question;
      const candidate =
        item.id && SLUG_PATTERN.test(item.id)
          ? item.id
          : slugify(item.title ?? '') || `question-${questions.length + 1}`;
      let id = candidate;
      for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${candidate}-${suffix}`;
      usedIds.add(id);
      question.id = id;
      if (question.type !== 'cloze' && question.prompt === undefined) question.prompt = item.stem.text;
      const explanation = plain(item.globalFeedback);
      if (explanation) question.explanation = explanation;
      if (item.tags && item.tags.length > 0) question.objectives = item.tags;
      if (category !== undefined) question.category = category;
      applyMeta(question, meta, types);
      questions.push(question);
      questionLines.push(block.line);
    }
  }

  if (questions.length === 0 && issues.length === 0) issues.push({ line: 1, message: 'no questions found' });
  if (issues.length > 0) throw new GiftImportError(issues);
  try {
    return parseQuizData({ id: 'gift-import', title: 'Imported questions', ...options, questions });
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
