'use client';

import { type ReactNode, useId, useMemo, useState } from 'react';
import { type SearchableTerm, searchGlossary } from '../../lib/course/glossary-search.js';

export interface GlossaryItem extends SearchableTerm {
  /** The entry as the server rendered it (definition, citations, see-also links). */
  content: ReactNode;
}

/** The glossary list with a search box; without JavaScript every entry is simply listed. */
export function GlossarySearch({ items }: { items: readonly GlossaryItem[] }) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const statusId = useId();
  const matches = useMemo(() => searchGlossary(items, query), [items, query]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const trimmed = query.trim();

  return (
    <>
      <search className="search-field">
        <label htmlFor={inputId}>Search terms and definitions</label>
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={statusId}
          autoComplete="off"
          spellCheck={false}
        />
      </search>
      <p id={statusId} role="status" className="muted">
        {trimmed
          ? `${matches.length} of ${items.length} terms match “${trimmed}”.`
          : `${items.length} terms, in alphabetical order.`}
      </p>
      <ul className="glossary-list">
        {matches.map((id) => (
          <li key={id} id={`term-${id}`} className="glossary-entry">
            {byId.get(id)?.content}
          </li>
        ))}
      </ul>
    </>
  );
}
