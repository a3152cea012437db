'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
}

/** The header links; the one for the current section carries aria-current so it is announced and styled. */
export function SiteNav({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="site-nav" aria-label="Course">
      <ul>
        {items.map((item) => {
          const current =
            item.href === '/'
              ? pathname === '/' || pathname.startsWith('/lessons/')
              : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
