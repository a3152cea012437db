import type { ReactNode } from 'react';
import { locatorHref } from './locator.js';
import { TrustedHtml } from './trusted-html.js';

export interface SourceExcerptProps {
  cite?: string | undefined;
  locator?: string | undefined;
  title?: string | undefined;
  /** The citation of the quoted place in the course's style. */
  html?: string | undefined;
  /** Citation key of the course reading, whose places the caption links to (see `Citation`). */
  readingKey?: string | undefined;
  children?: ReactNode;
}

/** A verbatim quotation (`:::source`) with its citation; a paragraph of the reading links to it. */
export function SourceExcerpt({ cite, locator, title, html, readingKey, children }: SourceExcerptProps) {
  const href = cite ? locatorHref(cite, locator, readingKey) : undefined;
  const citation = html ? <TrustedHtml html={html} /> : (locator ?? null);
  return (
    <figure className="source-excerpt">
      {title ? <p className="source-title">{title}</p> : null}
      <blockquote>{children}</blockquote>
      {citation ? (
        <figcaption>
          Source: {href ? <a href={href}>{citation}</a> : citation}
          {href && locator ? (
            <span className="visually-hidden"> (opens {locator} of the reading)</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
