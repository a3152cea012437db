import { useId } from 'react';
import { citationHref } from './locator.js';
import { inlineEntryHtml, TrustedHtml } from './trusted-html.js';

export interface ReferenceEntryProps {
  key: string;
  html: string;
  text: string;
}

export interface CitationProps {
  keys: string[];
  /** The parsed citation (`@coursekit/citations` cluster): its locators decide where the link goes. */
  cluster?: unknown;
  /** The in-text citation in the course's style. */
  text: string;
  html: string;
  /** Full references of the cited works, shown in the popover. */
  references?: ReferenceEntryProps[];
  /**
   * Citation key of the course reading: its paragraph locators link to `/reading#para-N`. Without it (a
   * course with no reading) every citation links to the bibliography.
   */
  readingKey?: string | undefined;
  /**
   * Put before the popover's id. Texts rendered apart from the page (a server action's feedback) number
   * their ids from the start again; a prefix of their own keeps them from naming the page's popovers.
   */
  idPrefix?: string | undefined;
}

/**
 * An in-text citation that links to the paragraph it cites (or the work's bibliography entry) and
 * shows the full reference in a popover on hover and on keyboard focus (CSS; `PopoverEscape` closes it).
 */
export function Citation({ keys, cluster, html, references = [], readingKey, idPrefix = '' }: CitationProps) {
  const popoverId = idPrefix + useId();
  const href = citationHref(keys, cluster, readingKey);
  const paragraph = /#para-(\d+)$/.exec(href)?.[1];
  return (
    <span className="popover-host citation">
      <a href={href} aria-describedby={references.length > 0 ? popoverId : undefined}>
        <TrustedHtml html={html} />
      </a>
      {references.length > 0 ? (
        <span className="popover" role="tooltip" id={popoverId}>
          {references.map((reference) => (
            <TrustedHtml
              key={reference.key}
              html={inlineEntryHtml(reference.html)}
              className="popover-label"
            />
          ))}
          {paragraph ? <span> Opens paragraph {paragraph} of the reading.</span> : null}
        </span>
      ) : null}
    </span>
  );
}
