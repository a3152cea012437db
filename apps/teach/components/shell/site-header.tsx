import Link from 'next/link';
import { type NavItem, SiteNav } from './site-nav';

const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Lessons' },
  { href: '/reading', label: 'Reading' },
  { href: '/glossary', label: 'Glossary' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/bibliography', label: 'Bibliography' },
];

export function SiteHeader({ title }: { title: string }) {
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link href="/" className="site-title">
          {title}
        </Link>
        <SiteNav items={NAV_ITEMS} />
      </div>
    </header>
  );
}
