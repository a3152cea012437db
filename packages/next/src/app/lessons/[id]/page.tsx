import { formatMinutes, Panel, referenceAnchor, TableOfContents, TrustedHtml } from '@coursekit/react';
import { MarkCompleteButton } from '@coursekit/react/progress';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CourseMarkdown } from '../../../components/course-text/course-markdown.js';
import { LessonContent } from '../../../components/lesson/lesson-content.js';
import { QuizSection } from '../../../components/quiz/quiz-section.js';
import { PageMain } from '../../../components/shell/page-main.js';
import { lessonReference } from '../../../lib/course/cite-lesson.js';
import { getCourse } from '../../../lib/course/get-course.js';

type Params = { params: Promise<{ id: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  try {
    const { lessons } = await getCourse();
    return lessons.map((lesson) => ({ id: lesson.id }));
  } catch (error) {
    // Under `next dev` a course error belongs on the page (the error boundary lists every problem at its
    // file:line:col); thrown here, Next.js shows its own "failed to generate static paths" instead. A
    // production build still fails on it.
    if (process.env.NODE_ENV !== 'production' && (error as Error | null)?.name === 'CourseBuildError')
      return [];
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const lesson = (await getCourse()).lessonById.get(id);
  return lesson ? { title: lesson.frontmatter.title, description: lesson.frontmatter.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const { id } = await params;
  const course = await getCourse();
  const lesson = course.lessonById.get(id);
  if (!lesson) notFound();
  const { frontmatter: front, meta } = lesson;
  const index = course.lessons.indexOf(lesson);
  const previous = course.lessons[index - 1];
  const next = course.lessons[index + 1];
  const quizNotEmbedded = front.quiz && !meta.quizzes.includes(front.quiz) ? front.quiz : undefined;
  const citation = lessonReference(
    course.course,
    { id: lesson.id, title: front.title },
    undefined,
    course.style.style,
  );
  const bibliography = meta.bibliography.student;

  return (
    <PageMain>
      <article className="lesson">
        <p className="breadcrumb">
          <Link href="/">{course.course.title}</Link> · Lesson {index + 1} of {course.lessons.length}
        </p>
        <h1>{front.title}</h1>
        <p className="subtitle">{front.summary}</p>
        <ul className="facts" aria-label="About this lesson">
          <li>{formatMinutes(front.duration)} in class</li>
          <li>About {formatMinutes(meta.readingTime.minutes)} of reading</li>
          {front.homeworkMinutes ? <li>About {formatMinutes(front.homeworkMinutes)} of homework</li> : null}
        </ul>

        <div className="lesson-layout">
          <div className="lesson-aside">
            <TableOfContents
              entries={meta.toc}
              extra={[
                ...(quizNotEmbedded ? [{ id: `quiz-${quizNotEmbedded}`, text: 'Quiz' }] : []),
                { id: 'key-points', text: 'Key points' },
                { id: 'lesson-bibliography', text: 'Bibliography' },
                { id: 'cite-this-lesson', text: 'Cite this lesson' },
              ]}
            />
          </div>

          <div className="lesson-main">
            <Panel kind="objectives" title="Objectives">
              <p>By the end of this lesson you will be able to:</p>
              <ul>
                {front.objectives.map((objective) => (
                  <li key={objective.id}>{objective.text}</li>
                ))}
              </ul>
            </Panel>
            {front.framingQuestions.length > 0 ? (
              <Panel kind="framing" title="Questions to keep in mind">
                <ul>
                  {front.framingQuestions.map((question) => (
                    <li key={question}>
                      <CourseMarkdown text={question} inline />
                    </li>
                  ))}
                </ul>
              </Panel>
            ) : null}

            <div className="lesson-body">
              <LessonContent lesson={lesson} />
            </div>

            {quizNotEmbedded ? <QuizSection quizId={quizNotEmbedded} lessonId={lesson.id} /> : null}

            {front.discussion && front.discussion.length > 0 ? (
              <Panel kind="discussion" title="Discussion">
                <ul>
                  {front.discussion.map((prompt) => (
                    <li key={prompt}>
                      <CourseMarkdown text={prompt} inline />
                    </li>
                  ))}
                </ul>
              </Panel>
            ) : null}

            <section className="panel key-points" aria-labelledby="key-points">
              <h2 id="key-points">Key points</h2>
              <ul>
                {front.keyPoints.map((point) => (
                  <li key={point}>
                    <CourseMarkdown text={point} inline />
                  </li>
                ))}
              </ul>
            </section>

            <MarkCompleteButton lessonId={lesson.id} />

            <section aria-labelledby="lesson-bibliography">
              <h2 id="lesson-bibliography">Bibliography</h2>
              {bibliography.length > 0 ? (
                <ul className="bibliography-list">
                  {bibliography.map((entry) => (
                    <li key={entry.key} id={referenceAnchor(entry.key)}>
                      <TrustedHtml html={entry.html} as="div" />
                    </li>
                  ))}
                </ul>
              ) : (
                <p>This lesson cites no sources.</p>
              )}
            </section>

            <section className="cite-this" aria-labelledby="cite-this-lesson">
              <h2 id="cite-this-lesson">Cite this lesson</h2>
              <p className="muted">In {course.style.label} style, the course’s style:</p>
              <TrustedHtml html={citation.html} as="div" className="citation-text" />
            </section>

            <nav aria-label="Previous and next lesson">
              <ul className="pager">
                {previous ? (
                  <li>
                    <Link href={`/lessons/${previous.id}`} rel="prev">
                      <span>Previous lesson</span>
                      {previous.frontmatter.title}
                    </Link>
                  </li>
                ) : null}
                {next ? (
                  <li className="next">
                    <Link href={`/lessons/${next.id}`} rel="next">
                      <span>Next lesson</span>
                      {next.frontmatter.title}
                    </Link>
                  </li>
                ) : (
                  <li className="next">
                    <Link href="/">
                      <span>Last lesson</span>
                      Back to the course
                    </Link>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </div>
      </article>
    </PageMain>
  );
}
