/**
 * GIFT has no syntax for points, hints and a few other fields; `exportGift` writes them as JSON in a
 * `// coursekit: {...}` comment line, which Moodle ignores as a comment and `importGift` reads back.
 */
export const META_COMMENT = /^\s*\/\/\s*coursekit:\s*(.*)$/;

export const META_KEYS = [
  'points',
  'penalty',
  'hints',
  'pattern',
  'choiceIds',
  'pairIds',
  'blank',
  'prompt',
  'minWords',
  'maxWords',
  'rubric',
  'guidance',
  'category',
  'scoring',
] as const;

/** What gift-pegjs (and Moodle) put where answers sat inside a question's text. */
export const EMBEDDED_BLANK = '_____';

export type GiftMeta = Partial<Record<(typeof META_KEYS)[number], unknown>>;

/** Default choice ids, the ones `parseQuiz` derives when an author gives none. */
export function defaultIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);
}

/**
 * How a missing-word question's text reads back: one space either side of the blank, none before
 * closing punctuation. `exportGift` only writes a cloze whose text already has this form.
 */
export function joinAroundBlank(before: string, blank: string, after: string): string {
  const head = before.trimEnd();
  const tail = after.trimStart();
  const gapAfter = tail === '' || /^[.,;:!?)\]’”'"…]/u.test(tail) ? '' : ' ';
  return `${head === '' ? '' : `${head} `}${blank}${gapAfter}${tail}`;
}

/** Gives the items of an authored list the ids from the comment. */
export function assignIds(list: unknown, ids: unknown): void {
  if (!Array.isArray(list) || !Array.isArray(ids)) return;
  for (const [index, item] of list.entries()) Object.assign(item as object, { id: ids[index] });
}
