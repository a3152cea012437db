import type { ReactNode } from 'react';

export interface PanelProps {
  /** Also its CSS class: `.panel.objectives` and so on. */
  kind: 'objectives' | 'key-points' | 'discussion' | 'framing';
  title: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}

/** A titled box in a lesson: objectives, key points, discussion prompts. */
export function Panel({ kind, title, headingLevel = 2, children }: PanelProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`panel ${kind}`}>
      <Heading>{title}</Heading>
      {children}
    </section>
  );
}
