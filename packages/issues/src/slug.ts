/**
 * An id that appears in URLs and cross-references: lowercase letters and digits in words joined by single
 * hyphens (`hanoi-summit`). Lesson, quiz, question, glossary term, outcome and lane ids are all slugs.
 */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `text` is a slug. */
export function isSlug(text: string): boolean {
  return slugPattern.test(text);
}

export interface ToSlugOptions {
  /** Cut the slug to at most this many characters, at a hyphen where it can. */
  maxLength?: number;
}

/** `Hanoi Summit!` -> `hanoi-summit`: the slug an author probably meant, or `''` when nothing is left. */
export function toSlug(text: string, options: ToSlugOptions = {}): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (options.maxLength === undefined || slug.length <= options.maxLength) return slug;
  return slug.slice(0, options.maxLength).replace(/-+$/, '');
}

/** What authors are told when an id is not a slug. */
export function slugProblem(text: string): string {
  return `${JSON.stringify(text)} is not a valid id: use lowercase letters, digits and single hyphens, e.g. "hanoi-summit"`;
}
