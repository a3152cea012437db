'use client';

import { PageMain } from '../components/shell/page-main.js';

/**
 * Shown when a page fails while it is served; in production the details stay in the server log. In development
 * (`next dev`) the message is shown too: for a course with errors, every problem at its file:line:col.
 */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const details = process.env.NODE_ENV === 'development' ? error.message : undefined;
  return (
    <PageMain>
      <h1>This page could not be shown</h1>
      {details ? (
        <pre className="course-problems" role="alert">
          {details}
        </pre>
      ) : (
        <p>Something went wrong on the server while preparing this page. Your progress is not affected.</p>
      )}
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{' '}
        or <a href="/">go to the course home page</a>.
      </p>
    </PageMain>
  );
}
