import { paragraphAnchor, TrustedHtml } from '@coursekit/react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageMain } from '../../components/shell/page-main.js';
import { getCourse } from '../../lib/course/get-course.js';

export const metadata: Metadata = { title: 'Reading' };

function authorNames(author: unknown): string {
  if (!Array.isArray(author)) return '';
  return author
    .map(
      (name: { given?: string; family?: string; literal?: string }) =>
        name.literal ?? [name.given, name.family].filter(Boolean).join(' '),
    )
    .join(', ');
}

export default async function ReadingPage() {
  const { reading, references, citations } = await getCourse();
  if (!reading) notFound();
  const item = references.find((reference) => reference.id === reading.cite);
  const [entry] = citations.references([reading.cite]);
  const authors = authorNames(item?.author);
  return (
    <PageMain>
      <article className="reading">
        <h1>{typeof item?.title === 'string' ? item.title : 'Reading'}</h1>
        {authors ? <p className="subtitle">By {authors}</p> : null}
        <p className="prose muted">
          The text the course is built on, paragraph by paragraph. The lessons cite it by paragraph number
          (“para. 3”); each number here is a link you can copy, and a citation in a lesson brings you straight
          to its paragraph.
        </p>
        <div className="reading-text">
          {reading.paragraphs.map((text, index) => {
            const number = index + 1;
            const anchor = paragraphAnchor(number);
            return (
              <div key={anchor} id={anchor} className="paragraph">
                <span className="para-number">
                  <a href={`#${anchor}`} aria-label={`Paragraph ${number}`}>
                    {number}
                  </a>
                </span>
                <p>{text}</p>
              </div>
            );
          })}
        </div>
        {entry ? (
          <section aria-labelledby="reading-reference">
            <h2 id="reading-reference">Reference</h2>
            <TrustedHtml html={entry.html} as="div" className="citation-text" />
          </section>
        ) : null}
      </article>
    </PageMain>
  );
}
