import type { JSX } from 'react';

/**
 * HTML that coursekit produced itself: citeproc-js citations and bibliography entries, which escape the
 * reference data they format. Never pass text from a request here.
 */
export function TrustedHtml({
  html,
  as: Tag = 'span',
  className,
  id,
}: {
  html: string;
  as?: keyof JSX.IntrinsicElements;
  className?: string | undefined;
  id?: string | undefined;
}) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: citeproc-js output, escaped by it (see above)
  return <Tag className={className} id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** citeproc wraps each bibliography entry in `<div class="csl-entry">`; inside a sentence it must be inline. */
export function inlineEntryHtml(html: string): string {
  return html
    .trim()
    .replace(/^<div class="csl-entry">/, '')
    .replace(/<\/div>$/, '')
    .trim();
}
