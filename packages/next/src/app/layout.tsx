import { PopoverEscape } from '@coursekit/react/popover-escape';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '../components/shell/site-footer.js';
import { SiteHeader } from '../components/shell/site-header.js';
import { courseTheme } from '../lib/course/course-theme.js';
import { CourseBuildError, type CourseData, courseSections, getCourse } from '../lib/course/get-course.js';
import './globals.css';

/**
 * The course, or undefined when its folder has errors: the teacher pages still render (login, and the
 * dashboard lists the problems); every page that needs the course fails on its own.
 */
async function courseOrUndefined(): Promise<CourseData | undefined> {
  try {
    return await getCourse();
  } catch (error) {
    if (error instanceof CourseBuildError) return undefined;
    throw error;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const data = await courseOrUndefined();
  if (!data) return { title: { default: 'coursekit', template: '%s · coursekit' } };
  const { course } = data;
  return {
    title: {
      default: `${course.title}: ${course.subtitle ?? 'a coursekit course'}`,
      template: `%s · ${course.title}`,
    },
    description: course.summary,
    // Served by app/icon.svg/route.ts from the course folder.
    icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f3f5f8' },
    { media: '(prefers-color-scheme: dark)', color: '#1c2026' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const data = await courseOrUndefined();
  if (!data) {
    return (
      <html lang="en">
        <body>
          <a className="skip-link" href="#main">
            Skip to main content
          </a>
          {children}
        </body>
      </html>
    );
  }
  const { course, references, reading } = data;
  const source = reading ? references.find((item) => item.id === reading.cite) : undefined;
  const theme = await courseTheme();
  return (
    <html lang={course.language} data-coursekit-course={course.id}>
      <body>
        {theme ? (
          // After the site's stylesheets in the document, so the course's custom properties win over theirs.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the course author's own stylesheet, as written.
          <style data-coursekit-theme="" dangerouslySetInnerHTML={{ __html: theme }} />
        ) : null}
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader title={course.title} sections={courseSections(data)} />
        {children}
        <SiteFooter
          title={course.title}
          authors={course.authors.map((author) => author.name)}
          license={course.license}
          sourceTitle={typeof source?.title === 'string' ? source.title : undefined}
        />
        <PopoverEscape />
      </body>
    </html>
  );
}
