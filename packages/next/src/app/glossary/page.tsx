import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CourseMarkdown } from '../../components/course-text/course-markdown.js';
import { SourceCitations } from '../../components/course-text/source-citations.js';
import { type GlossaryItem, GlossarySearch } from '../../components/glossary/glossary-search.js';
import { PageMain } from '../../components/shell/page-main.js';
import { getCourse } from '../../lib/course/get-course.js';
import { searchableText } from '../../lib/course/glossary-search.js';

export const metadata: Metadata = { title: 'Glossary' };

export default async function GlossaryPage() {
  const { glossary } = await getCourse();
  // A course without a glossary has no Glossary page (nor a link to one).
  if (!glossary || glossary.terms.length === 0) notFound();
  const terms = [...(glossary?.terms ?? [])].sort((a, b) => a.term.localeCompare(b.term, 'en'));
  const names = new Map(terms.map((term) => [term.id, term.term]));
  const items: GlossaryItem[] = terms.map((term) => ({
    id: term.id,
    term: term.term,
    aliases: term.aliases,
    definition: searchableText(term.definition),
    content: (
      <>
        <h2>{term.term}</h2>
        {term.aliases && term.aliases.length > 0 ? (
          <p className="aliases">Also: {term.aliases.join(', ')}</p>
        ) : null}
        <CourseMarkdown text={term.definition} />
        {term.cite && term.cite.length > 0 ? (
          <p className="sources">
            Source: <SourceCitations keys={term.cite} locator={term.locator} />
          </p>
        ) : null}
        {term.seeAlso && term.seeAlso.length > 0 ? (
          <p className="see-also">
            See also:{' '}
            {term.seeAlso.map((id, index) => (
              <span key={id}>
                {index > 0 ? ', ' : null}
                <a href={`#term-${id}`}>{names.get(id) ?? id}</a>
              </span>
            ))}
          </p>
        ) : null}
      </>
    ),
  }));
  return (
    <PageMain>
      <h1>Glossary</h1>
      <p className="prose">
        The terms the lessons use, in the course authors’ words. In a lesson, a dotted underline marks a
        glossary term: point at it or move to it with the keyboard to see its definition.
      </p>
      <GlossarySearch items={items} />
    </PageMain>
  );
}
