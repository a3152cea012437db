import { compiledOf } from '../compile.js';
import type { Quiz } from '../quiz.js';
import type { GiftWritten } from '../types/definition.js';
import type { Question } from '../types/registry.js';
import { EMBEDDED_BLANK, type GiftMeta, joinAroundBlank } from './meta.js';
import { escapeGift } from './text.js';

export { escapeGift } from './text.js';

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

type Written = GiftWritten;

function writeAnswers(question: Question, write: ((question: Question) => GiftWritten) | undefined): Written {
  return write === undefined
    ? { ok: false, message: `GIFT has no ${question.type} questions` }
    : write(question);
}

/** A prompt with one `_____` (as Moodle imports answers inside the text) puts the answers back there. */
function withPromptBlank(question: Question, written: Written): Written {
  if (!written.ok || written.around !== undefined) return written;
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
  write: ((question: Question) => GiftWritten) | undefined,
  previousCategory: string | undefined,
): Written & { text?: string } {
  const written = withPromptBlank(question, writeAnswers(question, write));
  if (!written.ok) return written;
  if (!written.pairs && written.answers.includes('->')) {
    return {
      ok: false,
      message: "an answer or its feedback contains '->', which GIFT reads as a matching pair",
    };
  }
  const meta: GiftMeta = { ...written.meta };
  if (question.points !== (written.derivedPoints ?? 1)) meta.points = question.points;
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
  const { types } = compiledOf(quiz);
  for (const entry of quiz.questions) {
    if (entry.type === 'pool') {
      issues.push({ questionId: entry.id, message: 'GIFT has no question pools' });
      continue;
    }
    const write = types.get(entry.type)?.gift?.write;
    const written = writeQuestion(entry, write, category);
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
