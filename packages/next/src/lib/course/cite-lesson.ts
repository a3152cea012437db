import { citeThisLesson, createCiteProcessor } from '@coursekit/citations';
import type { Course } from '@coursekit/content-schema';

/** The site's public address, for the URL in "Cite this lesson"; left out when not configured. */
export function siteUrl(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const configured = env.COURSEKIT_SITE_URL?.trim();
  if (!configured) return undefined;
  try {
    return new URL(configured).href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** A reference to one lesson, as an entry in the course's citation style (HTML and plain text). */
export function lessonReference(
  course: Pick<Course, 'title' | 'authors' | 'citationStyle'>,
  lesson: { id: string; title: string },
  baseUrl: string | undefined = siteUrl(),
  /** The course's style when it is not `citationStyle`: the XML of its `citationStyleFile`. */
  style: string = course.citationStyle,
): { html: string; text: string } {
  const item = citeThisLesson({
    title: lesson.title,
    course: course.title,
    authors: course.authors.map((author) => author.name),
    ...(baseUrl ? { url: `${baseUrl}/lessons/${lesson.id}` } : {}),
  });
  const [entry] = createCiteProcessor({ items: [item], style }).bibliography();
  if (!entry) throw new Error(`The course's citation style printed no reference for lesson '${lesson.id}'.`);
  return { html: entry.html, text: entry.text };
}
