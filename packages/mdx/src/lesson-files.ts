/** `NN-slug.mdx`: a two-or-more-digit number, a hyphen, the lesson id. */
export const lessonFileName = /^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** The lesson id a file name gives (`03-water-vapour.mdx` -> `water-vapour`), or undefined. */
export function lessonIdFromFileName(name: string): string | undefined {
  return lessonFileName.exec(name)?.[2];
}
