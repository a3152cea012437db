/** Item-analysis labels stay short: long answers are cut with an ellipsis. */
const MAX_LABEL_LENGTH = 200;

export function clip(text: string): string {
  return text.length > MAX_LABEL_LENGTH ? `${text.slice(0, MAX_LABEL_LENGTH - 1)}…` : text;
}

/** The shown text behind an opaque id, or '?' for an id this attempt did not show. */
export function textOf(items: readonly { id: string; text: string }[], id: unknown): string {
  return items.find((item) => item.id === id)?.text ?? '?';
}

/** Adds the trimmed text when it is not blank. */
export function addText(into: string[], text: string): void {
  const trimmed = text.trim();
  if (trimmed !== '') into.push(trimmed);
}
