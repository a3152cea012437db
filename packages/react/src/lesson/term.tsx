import { type ReactNode, useId } from 'react';

export interface TermProps {
  id: string;
  term?: string | undefined;
  /** Shown in the popover; plain inline content, as the popover sits inside a link's description. */
  definition?: ReactNode;
  children?: ReactNode;
  /** Put before the popover's id, as `Citation`'s `idPrefix`: for texts rendered apart from the page. */
  idPrefix?: string | undefined;
}

/** A glossary term in prose: links to its glossary entry and shows the definition on hover and focus. */
export function Term({ id, term, definition, children, idPrefix = '' }: TermProps) {
  const popoverId = idPrefix + useId();
  return (
    <span className="popover-host term">
      <a href={`/glossary#term-${id}`} aria-describedby={definition ? popoverId : undefined}>
        {children ?? term ?? id}
      </a>
      {definition ? (
        <span className="popover" role="tooltip" id={popoverId}>
          {term ? <strong className="popover-label">{term}</strong> : null}
          {definition}
        </span>
      ) : null}
    </span>
  );
}
