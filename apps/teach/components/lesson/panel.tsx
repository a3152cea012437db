import type { ReactNode } from 'react';

/** A titled box in a lesson: objectives, key points, discussion prompts. */
export function Panel({
  kind,
  title,
  headingLevel = 2,
  children,
}: {
  kind: 'objectives' | 'key-points' | 'discussion' | 'framing';
  title: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`panel ${kind}`}>
      <Heading>{title}</Heading>
      {children}
    </section>
  );
}
