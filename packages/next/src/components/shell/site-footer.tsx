export interface SiteFooterProps {
  title: string;
  authors: readonly string[];
  license: string;
  sourceTitle?: string | undefined;
}

export function SiteFooter({ title, authors, license, sourceTitle }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          {title} by {authors.join(', ')}. Licensed {license}.
          {sourceTitle ? <> Based on “{sourceTitle}”.</> : null}
        </p>
        <p>Your progress is kept in this browser only, unless you join a class.</p>
      </div>
    </footer>
  );
}
