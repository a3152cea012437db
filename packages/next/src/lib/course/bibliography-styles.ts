import type { CitationStyle } from '@coursekit/content-schema';

/** The built-in styles a reader may switch the bibliography to, with the names readers know them by. */
export const BIBLIOGRAPHY_STYLES = [
  { id: 'chicago-author-date', label: 'Chicago (author-date)' },
  { id: 'apa', label: 'APA' },
  { id: 'modern-language-association', label: 'MLA' },
] as const;

export type BibliographyStyleId = (typeof BIBLIOGRAPHY_STYLES)[number]['id'];

/**
 * The style a course cites in: a built-in one (`id` its name, `style` the same), or the CSL file of
 * `citationStyleFile` (`id` `course`, `style` its XML, `label` the title the file gives itself).
 */
export interface CourseStyle {
  id: BibliographyStyleId | 'course';
  label: string;
  /** What `createCiteProcessor` takes: a built-in name or the XML of a .csl file. */
  style: string;
}

export function builtInStyleLabel(id: CitationStyle): string {
  return BIBLIOGRAPHY_STYLES.find((style) => style.id === id)?.label ?? id;
}

/** The styles the bibliography page offers: the course's own file style first when it has one, then the built-ins. */
export function offeredStyles(courseStyle: CourseStyle): CourseStyle[] {
  const builtIns: CourseStyle[] = BIBLIOGRAPHY_STYLES.map((style) => ({ ...style, style: style.id }));
  return courseStyle.id === 'course' ? [courseStyle, ...builtIns] : builtIns;
}

// Short names people type, as accepted in `?style=`.
const ALIASES: Record<string, BibliographyStyleId> = {
  chicago: 'chicago-author-date',
  mla: 'modern-language-association',
};

export type StyleChoice =
  | { ok: true; style: CourseStyle }
  | { ok: false; style: CourseStyle; requested: string };

/**
 * The style a `?style=` value asks for. Missing means the course's own style; an unknown value falls
 * back to it too, and says so, so that the page can tell the reader which names work.
 */
export function chooseStyle(requested: string | string[] | undefined, courseStyle: CourseStyle): StyleChoice {
  const value = Array.isArray(requested) ? requested[0] : requested;
  if (value === undefined || value === '') return { ok: true, style: courseStyle };
  const normalised = value.trim().toLowerCase();
  const offered = offeredStyles(courseStyle);
  const id = ALIASES[normalised] ?? normalised;
  const known = offered.find((style) => style.id === id);
  return known
    ? { ok: true, style: known }
    : { ok: false, style: courseStyle, requested: value.slice(0, 80) };
}
