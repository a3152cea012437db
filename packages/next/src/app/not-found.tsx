import Link from 'next/link';
import { PageMain } from '../components/shell/page-main.js';

export default function NotFound() {
  return (
    <PageMain>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/">Go to the course home page</Link> to find the lessons and the study pages.
      </p>
    </PageMain>
  );
}
