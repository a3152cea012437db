/** The YAML between the opening and closing `---` lines of a lesson. */
export interface FrontMatterText {
  yaml: string;
  /** Line of the file where the YAML starts (the line after `---`). */
  firstLine: number;
}

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatterText }
  | { ok: false; reason: 'missing' | 'unclosed' };

/** Find the front matter block at the very start of a lesson. */
export function extractFrontMatter(source: string): FrontMatterResult {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) return { ok: false, reason: 'missing' };
  const rest = text.slice(opening[0].length);
  const closing = /^---[ \t]*$/m.exec(rest);
  if (!closing) return { ok: false, reason: 'unclosed' };
  return { ok: true, frontMatter: { yaml: rest.slice(0, closing.index), firstLine: 2 } };
}
