'use client';

import { PageMain } from '../components/shell/page-main.js';

/** Shown when a page fails while it is served; the details stay in the server log. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageMain>
      <h1>This page could not be shown</h1>
      <p>Something went wrong on the server while preparing this page. Your progress is not affected.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{' '}
        or <a href="/">go to the course home page</a>.
      </p>
    </PageMain>
  );
}
