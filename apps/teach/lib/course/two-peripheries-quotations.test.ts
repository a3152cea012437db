import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findQuotations, isVerbatimIn } from './course-quotations';

// The whole "Two Peripheries" course: every “…” quotation in the lessons (front matter and body, teacher
// notes included), the glossary, the timeline and the quizzes must stand verbatim in the article, in a
// paragraph its own sentence cites. reading.md is the article, one paragraph per block (¶1–¶6).
const course = new URL('../../content/two-peripheries/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, course), 'utf8');
const paragraphs = read('reading.md')
  .split(/\n\s*\n/)
  .map((paragraph) => paragraph.trim())
  .filter(Boolean);
const articleTitle = "Two Peripheries: The Ukraine War's Effect on North Korea-Russia Relations";

// Wording the course quotes from the UN and Russian records (shared/source/FACTS.md), not from the article.
const recordWording = ['unfriendly', 'Donetsk and Luhansk People’s Republics', 'Aggression against Ukraine'];

interface TextUnit {
  where: string;
  text: string;
  /** Paragraphs cited by the question a choice or item belongs to (its prompt names them). */
  contextParagraphs?: number[];
}

function walkStrings(value: unknown, where: string, out: TextUnit[], context?: number[]): void {
  if (typeof value === 'string') {
    out.push({ where, text: value, ...(context ? { contextParagraphs: context } : {}) });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walkStrings(item, `${where}[${index}]`, out, context);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'id' || key === 'type' || key === 'category') continue;
      walkStrings(item, `${where}.${key}`, out, context);
    }
  }
}

/** Markdown blocks: paragraphs, list items and table rows, each quoted and cited on its own. */
function markdownBlocks(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .flatMap((block) => block.split(/\n(?=\s*(?:[-*]|\d+\.|\|)\s)/))
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const sourceDirective =
  /^:::source\{cite="@rinna-two-peripheries" locator="para\. (\d+)"\}\n([\s\S]*?)\n:::$/gm;

interface SourceBlock {
  where: string;
  paragraph: number;
  text: string;
}

function lessonUnits(file: string): { units: TextUnit[]; sources: SourceBlock[] } {
  const text = read(`lessons/${file}`);
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter`);
  const units: TextUnit[] = [];
  walkStrings(parseYaml(match[1] as string), `${file} front matter`, units);
  const sources: SourceBlock[] = [];
  const body = (match[2] as string).replace(sourceDirective, (_all, paragraph: string, quoted: string) => {
    sources.push({ where: `${file} source block`, paragraph: Number(paragraph), text: quoted.trim() });
    return '';
  });
  for (const [index, block] of markdownBlocks(body).entries()) {
    units.push({ where: `${file} body block ${index + 1}`, text: block });
  }
  return { units, sources };
}

const fragmentKeys = new Set(['choices', 'items', 'pairs', 'distractors', 'categories', 'blanks']);

function quizUnits(file: string): TextUnit[] {
  const quiz = parseYaml(read(`quizzes/${file}`)) as { questions: Record<string, unknown>[] };
  const units: TextUnit[] = [];
  const questions = quiz.questions.flatMap((entry) =>
    entry.type === 'pool' ? (entry.questions as Record<string, unknown>[]) : [entry],
  );
  for (const question of questions) {
    const where = `${file} ${String(question.id)}`;
    const promptParagraphs = findQuotationsContext(String(question.prompt ?? ''));
    for (const [key, value] of Object.entries(question)) {
      if (key === 'id' || key === 'type' || key === 'objectives') continue;
      walkStrings(value, `${where}.${key}`, units, fragmentKeys.has(key) ? promptParagraphs : undefined);
    }
  }
  return units;
}

/** Paragraph numbers a prompt names anywhere: the context for its choices and items. */
function findQuotationsContext(prompt: string): number[] {
  const numbers = new Set<number>();
  for (const match of prompt.matchAll(/\b(?:paragraphs?|para\.)\s*(\d+)/gi)) numbers.add(Number(match[1]));
  return [...numbers];
}

function allUnits(): { units: TextUnit[]; sources: SourceBlock[] } {
  const units: TextUnit[] = [];
  const sources: SourceBlock[] = [];
  for (const file of readdirSync(new URL('lessons/', course)).filter((name) => name.endsWith('.mdx'))) {
    const lesson = lessonUnits(file);
    units.push(...lesson.units);
    sources.push(...lesson.sources);
  }
  for (const file of readdirSync(new URL('quizzes/', course)).filter((name) => name.endsWith('.yaml'))) {
    units.push(...quizUnits(file));
  }
  walkStrings(parseYaml(read('glossary.yaml')), 'glossary.yaml', units);
  walkStrings(parseYaml(read('timeline.yaml')), 'timeline.yaml', units);
  return { units, sources };
}

/** What is wrong with one quotation, or undefined when it is verbatim at a paragraph its sentence cites. */
function quotationProblem(quotation: string, cited: readonly number[]): string | undefined {
  const foundIn = paragraphs.flatMap((text, index) => (isVerbatimIn(quotation, text) ? [index + 1] : []));
  if (cited.length > 0) {
    if (cited.some((n) => foundIn.includes(n))) return undefined;
    return foundIn.length > 0
      ? `cited to para. ${cited.join(', ')} but found in para. ${foundIn.join(', ')}`
      : `not verbatim in para. ${cited.join(', ')} (nor anywhere in the article)`;
  }
  if (recordWording.some((wording) => isVerbatimIn(quotation, wording))) return undefined;
  if (isVerbatimIn(quotation.toLowerCase(), articleTitle.toLowerCase())) return undefined;
  return foundIn.length > 0
    ? `no paragraph locator in its sentence (the words are in para. ${foundIn.join(', ')})`
    : 'not in the article, and not wording of the UN or Russian record the course quotes';
}

describe('the quotation checker', () => {
  it('accepts a quotation at its cited paragraph and rejects a wrong paragraph, a missing locator and a misquote', () => {
    expect(quotationProblem('yielded few results', [2])).toBeUndefined();
    expect(quotationProblem('yielded few results', [3])).toMatch(/found in para\. 2/);
    expect(quotationProblem('yielded few results', [])).toMatch(/no paragraph locator/);
    expect(quotationProblem('yielded no results', [2])).toMatch(/not verbatim/);
    expect(quotationProblem('complicate', [3])).toMatch(/not verbatim/);
  });

  it('reads the locator from a citation or from the sentence’s own prose', () => {
    const [cited] = findQuotations('It says Kim “may have decided” [@rinna-two-peripheries, para. 2].');
    const [named] = findQuotations('Paragraph 3 calls it a “more reliable partner”. Later, “may”.');
    expect(cited?.paragraphs).toEqual([2]);
    expect(named?.paragraphs).toEqual([3]);
    expect(
      findQuotations('Paragraph 3 calls it a “more reliable partner”. Later, “may”.')[1]?.paragraphs,
    ).toEqual([]);
  });
});

describe('the Two Peripheries course quotes the article verbatim, each quotation with its locator', () => {
  const { units, sources } = allUnits();

  it('finds the course’s quotations', () => {
    const count = units.reduce((sum, unit) => sum + findQuotations(unit.text).length, 0);
    expect(sources.length).toBeGreaterThan(10);
    expect(count).toBeGreaterThan(300);
  });

  it('quotes source blocks verbatim from the paragraph their locator names', () => {
    const problems = sources.flatMap((source) =>
      isVerbatimIn(source.text, paragraphs[source.paragraph - 1] ?? '')
        ? []
        : [`${source.where} (para. ${source.paragraph}): ${source.text.slice(0, 80)}…`],
    );
    expect(problems).toEqual([]);
  });

  it('gives every quotation a locator in its own sentence, at the paragraph that holds the words', () => {
    const problems: string[] = [];
    for (const unit of units) {
      for (const quotation of findQuotations(unit.text)) {
        const cited = quotation.paragraphs.length > 0 ? quotation.paragraphs : (unit.contextParagraphs ?? []);
        const problem = quotationProblem(quotation.text, cited);
        if (problem) problems.push(`${unit.where}: “${quotation.text}”: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
