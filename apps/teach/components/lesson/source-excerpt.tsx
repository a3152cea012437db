import type { ReactNode } from 'react';
import { getCourse } from '@/lib/course/get-course';
import { locatorHref } from '@/lib/course/locator';
import { TrustedHtml } from '../course-text/trusted-html';

export interface SourceExcerptProps {
  cite?: string | undefined;
  locator?: string | undefined;
  title?: string | undefined;
  /** The citation of the quoted place in the course's style. */
  html?: string | undefined;
  children?: ReactNode;
}

/** A verbatim quotation (`:::source`) with its citation; a paragraph of the reading links to it. */
export async function SourceExcerpt({ cite, locator, title, html, children }: SourceExcerptProps) {
  const readingKey = (await getCourse()).reading?.cite;
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
