import type { ReactNode } from 'react';

/**
 * The main landmark of a page, the target of the skip link. Each page renders its own (the root layout
 * does not), so that pages with their own layout, such as the class-mode pages, keep a single `<main>`.
 */
export function PageMain({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1}>
      <div className="container">{children}</div>
    </main>
  );
}
