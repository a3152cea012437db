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

const bareNumber = /^\s*(\d+)(?:\s*[-–—]\s*\d+)?\s*$/;

/**
 * The first paragraph a locator points at, or undefined when it is not a paragraph locator. The locator
 * is either written out ("para. 3") or, as a parsed citation gives it, a number with the CSL label
 * `paragraph`.
 */
export function paragraphFromLocator(
  locator: string | undefined | null,
  label?: string | undefined,
): number | undefined {
  if (!locator) return undefined;
  const match = label === 'paragraph' ? bareNumber.exec(locator) : paragraphLocator.exec(locator);
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
  label?: string | undefined,
): string | undefined {
  if (!readingKey || citationKey !== readingKey) return undefined;
  const paragraph = paragraphFromLocator(locator, label);
  return paragraph === undefined ? undefined : paragraphHref(paragraph);
}

interface ClusterItem {
  key: string;
  locator?: string | undefined;
  label?: string | undefined;
}

/** The works of a parsed citation cluster (`@coursekit/citations` shape), ignoring anything malformed. */
function clusterItems(cluster: unknown): ClusterItem[] {
  const items = (cluster as { items?: unknown } | null | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.filter(
    (item): item is ClusterItem => typeof item === 'object' && item !== null && typeof item.key === 'string',
  );
}

/**
 * Where a citation links: the first paragraph of the course reading it points at, else the reading
 * itself, else the cited work's entry on the bibliography page.
 */
export function citationHref(
  keys: readonly string[],
  cluster: unknown,
  readingKey: string | undefined,
): string {
  for (const item of clusterItems(cluster)) {
    const href = locatorHref(item.key, item.locator, readingKey, item.label);
    if (href) return href;
  }
  const [first] = keys;
  if (first !== undefined && first === readingKey) return READING_PATH;
  return referenceHref(first ?? '');
}

/** The anchor of a work on the bibliography page. */
export function referenceAnchor(key: string): string {
  return `ref-${key}`;
}

export function referenceHref(key: string): string {
  return `/bibliography#${referenceAnchor(key)}`;
}
