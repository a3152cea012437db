import { createCiteProcessor } from '@coursekit/citations';
import { referenceAnchor, TrustedHtml } from '@coursekit/react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageMain } from '../../components/shell/page-main.js';
import { chooseStyle, offeredStyles } from '../../lib/course/bibliography-styles.js';
import { getCourse } from '../../lib/course/get-course.js';

export const metadata: Metadata = { title: 'Bibliography' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BibliographyPage({ searchParams }: Props) {
  const { references, style: courseStyle } = await getCourse();
  const choice = chooseStyle((await searchParams).style, courseStyle);
  const entries = createCiteProcessor({ items: references, style: choice.style.style }).bibliography();
  const current = choice.style;
  const styles = offeredStyles(courseStyle);
  return (
    <PageMain>
      <h1>Bibliography</h1>
      <p className="prose">
        Every work the course cites. The lessons use the {courseStyle.label} style; choose another style to
        copy the references in the form your assignment asks for.
      </p>
      {choice.ok ? null : (
        <p className="notice" role="alert">
          There is no citation style called “{choice.requested}” here, so the list below is in{' '}
          {current?.label}. Choose one of the styles below.
        </p>
      )}
      <nav className="style-switcher" aria-label="Citation style">
        <ul>
          {styles.map((style) => (
            <li key={style.id}>
              <Link
                className="button"
                href={`/bibliography?style=${style.id}`}
                aria-current={style.id === choice.style.id ? 'true' : undefined}
              >
                {style.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>References ({current?.label})</h2>
      <ul className="bibliography-list">
        {entries.map((entry) => (
          <li key={entry.key} id={referenceAnchor(entry.key)}>
            <TrustedHtml html={entry.html} as="div" />
          </li>
        ))}
      </ul>
    </PageMain>
  );
}
