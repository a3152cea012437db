'use client';

import { useEffect } from 'react';

/**
 * CSS opens citation and glossary popovers on hover and focus; this closes the open one on Escape
 * (WCAG 1.4.13) until the pointer or focus leaves it.
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
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return null;
}
