import type { ReactElement, ReactNode } from 'react';
import type { CiteProcessor } from '../cite-processor.js';
import type { CitationCluster, CitationItem } from '../types.js';

export interface CitationProps {
  processor: CiteProcessor;
  /** The works cited: a list of items, or a cluster such as `parseCitations` finds. */
  cluster: CitationCluster | readonly CitationItem[];
  className?: string;
}

/**
 * A citation in the processor's style, as `<span class="citation" data-cites="keys">`. A server component:
 * it formats while rendering, and the processor's HTML is escaped by citeproc-js.
 */
export function Citation({ processor, cluster, className = 'citation' }: CitationProps): ReactElement {
  const items = Array.isArray(cluster)
    ? (cluster as readonly CitationItem[])
    : (cluster as CitationCluster).items;
  const { html } = processor.cite(cluster);
  return (
    <span
      className={className}
      data-cites={items.map((item) => item.key).join(' ')}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: citeproc-js escapes all reference data in its HTML.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export interface BibliographyProps {
  processor: CiteProcessor;
  /** Only these references (in the style's order); every reference when omitted. */
  keys?: readonly string[];
  /** Shown above the entries, such as `<h2>References</h2>`. */
  heading?: ReactNode;
  className?: string;
  /** Each entry gets the id `${idPrefix}${key}`, for links from citations (default `ref-`, as pandoc). */
  idPrefix?: string;
}

/** The bibliography in the processor's style: a `<ul>` with one `<li id="ref-key">` per entry. */
export function Bibliography({
  processor,
  keys,
  heading,
  className = 'csl-bib-body',
  idPrefix = 'ref-',
}: BibliographyProps): ReactElement {
  const entries = processor.bibliography(keys);
  return (
    <section className={className}>
      {heading}
      <ul>
        {entries.map((entry) => (
          <li
            key={entry.key}
            id={`${idPrefix}${entry.key}`}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: citeproc-js escapes all reference data in its HTML.
            dangerouslySetInnerHTML={{ __html: entry.html }}
          />
        ))}
      </ul>
    </section>
  );
}
