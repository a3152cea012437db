export const BIBLIOGRAPHY_STYLES = [
  { id: 'chicago-author-date', label: 'Chicago' },
  { id: 'apa', label: 'APA' },
  { id: 'modern-language-association', label: 'MLA' },
] as const;

export type BibliographyStyleId = (typeof BIBLIOGRAPHY_STYLES)[number]['id'];

// Short names people type, as accepted in `?style=`.
const ALIASES: Record<string, BibliographyStyleId> = {
  chicago: 'chicago-author-date',
  mla: 'modern-language-association',
};

export type StyleChoice =
  | { ok: true; style: BibliographyStyleId }
  | { ok: false; style: BibliographyStyleId; requested: string };

/**
 * The style a `?style=` value asks for. Missing means the course's own style; an unknown value falls
 * back to it too, and says so, so that the page can tell the reader which names work.
 */
export function chooseStyle(
  requested: string | string[] | undefined,
  courseStyle: BibliographyStyleId,
): StyleChoice {
  const value = Array.isArray(requested) ? requested[0] : requested;
  if (value === undefined || value === '') return { ok: true, style: courseStyle };
  const normalised = value.trim().toLowerCase();
  const known = BIBLIOGRAPHY_STYLES.find((style) => style.id === normalised)?.id ?? ALIASES[normalised];
  return known
    ? { ok: true, style: known }
    : { ok: false, style: courseStyle, requested: value.slice(0, 80) };
}
