import Link from 'next/link';
import { type NavItem, SiteNav } from './site-nav.js';

/** Which of the course's study pages exist: a page, and its link, only for content the course has. */
export interface CourseSections {
  reading: boolean;
  glossary: boolean;
  timeline: boolean;
  bibliography: boolean;
}

export function navItems(sections: CourseSections): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: 'Lessons' }];
  if (sections.reading) items.push({ href: '/reading', label: 'Reading' });
  if (sections.glossary) items.push({ href: '/glossary', label: 'Glossary' });
  if (sections.timeline) items.push({ href: '/timeline', label: 'Timeline' });
  if (sections.bibliography) items.push({ href: '/bibliography', label: 'Bibliography' });
  return items;
}

export function SiteHeader({ title, sections }: { title: string; sections: CourseSections }) {
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link href="/" className="site-title">
          {title}
        </Link>
        <SiteNav items={navItems(sections)} />
      </div>
    </header>
  );
}
