'use client';

import { useEffect } from 'react';

/**
 * CSS opens citation and glossary popovers on hover and focus; this closes the open one on Escape
 * (WCAG 1.4.13) until the pointer or focus leaves it. On a touch screen, the first tap on a glossary term
 * opens its popover instead of leaving the page.
 */
export function PopoverEscape() {
  useEffect(() => {
    const reopen = (event: Event) => {
      const host = event.currentTarget as HTMLElement;
      host.removeAttribute('data-dismissed');
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const open = new Set<HTMLElement>();
      const focused = document.activeElement?.closest<HTMLElement>('.popover-host');
      if (focused) open.add(focused);
      for (const hovered of document.querySelectorAll<HTMLElement>('.popover-host:hover')) open.add(hovered);
      for (const host of open) {
        host.setAttribute('data-dismissed', '');
        host.addEventListener('mouseleave', reopen, { once: true });
        host.addEventListener('focusout', reopen, { once: true });
      }
    };
    // A touch screen has no hover: the first tap on a glossary term shows its definition (the focused
    // link opens the popover), a second tap follows the link to the glossary.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element).closest?.<HTMLElement>('.term > a[aria-describedby]');
      const host = link?.parentElement;
      if (!link || !host || event.detail === 0 || host.hasAttribute('data-peeked')) return;
      if (!matchMedia('(hover: none)').matches) return;
      event.preventDefault();
      link.focus();
      host.setAttribute('data-peeked', '');
      host.addEventListener('focusout', () => host.removeAttribute('data-peeked'), { once: true });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return null;
}
