/** A heading of a lesson, as `@coursekit/mdx` lists them (`BuiltLesson.toc`). */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** "On this page": the lesson's `##` headings, with their `###` headings nested under them. */
export function TableOfContents({
  entries,
  extra = [],
}: {
  entries: readonly TocEntry[];
  extra?: readonly { id: string; text: string }[];
}) {
  const sections: { entry: { id: string; text: string }; children: TocEntry[] }[] = [];
  for (const entry of entries) {
    const last = sections.at(-1);
    if (entry.depth === 3 && last) last.children.push(entry);
    else sections.push({ entry, children: [] });
  }
  for (const entry of extra) sections.push({ entry, children: [] });
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading">On this page</h2>
      <ol>
        {sections.map(({ entry, children }) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.text}</a>
            {children.length > 0 ? (
              <ol>
                {children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
