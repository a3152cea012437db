/** The reading page, where every paragraph of the article carries an `id="para-N"` anchor. */
export const READING_PATH = '/reading';

export function paragraphAnchor(paragraph: number): string {
  return `para-${paragraph}`;
}

export function paragraphHref(paragraph: number): string {
  return `${READING_PATH}#${paragraphAnchor(paragraph)}`;
}

// "para. 3", "paras. 3–4", "paragraph 3", "¶ 3", "¶¶3-4": the first paragraph of the range is the target.
const paragraphLocator = /^\s*(?:paras?\.|paragraphs?|¶{1,2})\s*(\d+)(?:\s*[-–—]\s*\d+)?\s*$/i;

/** The first paragraph a locator points at, or undefined when it is not a paragraph locator. */
export function paragraphFromLocator(locator: string | undefined | null): number | undefined {
  if (!locator) return undefined;
  const match = paragraphLocator.exec(locator);
  if (!match?.[1]) return undefined;
  const paragraph = Number(match[1]);
  return paragraph > 0 ? paragraph : undefined;
}

/**
 * Where a citation's locator leads. Only citations of the course reading point into it; a page or
 * paragraph of another work has no page in this app to link to.
 */
export function locatorHref(
  citationKey: string,
  locator: string | undefined | null,
  readingKey: string | undefined,
): string | undefined {
  if (!readingKey || citationKey !== readingKey) return undefined;
  const paragraph = paragraphFromLocator(locator);
  return paragraph === undefined ? undefined : paragraphHref(paragraph);
}
