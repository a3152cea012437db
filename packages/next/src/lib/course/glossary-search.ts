export interface SearchableTerm {
  id: string;
  term: string;
  aliases?: readonly string[] | undefined;
  /** Plain text of the definition. */
  definition: string;
}

/** Case- and accent-insensitive form used for matching, so "equidistance" finds "Équidistance". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Ids of the terms that contain every word of the query, best first: matches in the term or an alias
 * come before matches only in the definition. An empty query keeps every term in its order.
 */
export function searchGlossary(terms: readonly SearchableTerm[], query: string): string[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return terms.map((t) => t.id);
  const ranked: { id: string; rank: number; index: number }[] = [];
  terms.forEach((term, index) => {
    const names = foldForSearch([term.term, ...(term.aliases ?? [])].join(' '));
    const all = `${names} ${foldForSearch(term.definition)}`;
    if (!words.every((word) => all.includes(word))) return;
    ranked.push({ id: term.id, rank: words.every((word) => names.includes(word)) ? 0 : 1, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.id);
}

/** Course Markdown as words to search: citations dropped, `[[id|label]]` as its label, emphasis marks gone. */
export function searchableText(markdown: string): string {
  return markdown
    .replace(/\[[^[\]]*@[^[\]]*\]/g, ' ')
    .replace(
      /\[\[([^[\]|]+)(?:\|([^[\]]+))?\]\]/g,
      (_, id: string, label?: string) => label ?? id.replace(/-/g, ' '),
    )
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}
