import Link from 'next/link';
import { CourseProgressSummary } from '@/components/progress/course-progress-summary';
import { LessonProgressBadge } from '@/components/progress/lesson-progress-badge';
import { PageMain } from '@/components/shell/page-main';
import { formatMinutes } from '@/lib/course/format';
import { getCourse } from '@/lib/course/get-course';

export default async function CourseHomePage() {
  const { course, lessons } = await getCourse();
  const first = lessons[0];
  return (
    <PageMain>
      <div className="course-intro">
        <h1>{course.title}</h1>
        {course.subtitle ? <p className="subtitle">{course.subtitle}</p> : null}
        <p>{course.summary}</p>
        <ul className="facts" aria-label="About this course">
          <li>{lessons.length} lessons</li>
          <li>About {formatMinutes(course.estimatedMinutes)} in all</li>
          <li>Level: {course.level}</li>
          {course.audience ? <li>For: {course.audience}</li> : null}
        </ul>
        <CourseProgressSummary lessonIds={lessons.map((lesson) => lesson.id)} />
        {first ? (
          <p>
            <Link className="button primary" href={`/lessons/${first.id}`}>
              Start with lesson 1: {first.frontmatter.title}
            </Link>
          </p>
        ) : null}
      </div>

      <h2>What you will learn</h2>
      <p>By the end of the course you will be able to:</p>
      <ul className="prose">
        {course.outcomes.map((outcome) => (
          <li key={outcome.id}>{outcome.text}</li>
        ))}
      </ul>

      <h2>Lessons</h2>
      <ol className="lesson-list">
        {lessons.map((lesson, index) => (
          <li key={lesson.id}>
            <article className="lesson-card" aria-labelledby={`lesson-${lesson.id}`}>
              <p className="muted">Lesson {index + 1}</p>
              <h3 id={`lesson-${lesson.id}`}>
                <Link href={`/lessons/${lesson.id}`}>{lesson.frontmatter.title}</Link>
              </h3>
              <p>{lesson.frontmatter.summary}</p>
              <p className="lesson-meta">
                <span>{formatMinutes(lesson.frontmatter.duration)}</span>
                {lesson.frontmatter.quiz ? <span>Quiz</span> : null}
                <LessonProgressBadge lessonId={lesson.id} />
              </p>
            </article>
          </li>
        ))}
      </ol>

      <h2>Study aids</h2>
      <ul className="prose">
        <li>
          <Link href="/reading">The article</Link>, with numbered paragraphs: every citation in the lessons
          links to its paragraph.
        </li>
        <li>
          <Link href="/glossary">Glossary</Link> of the terms the course uses.
        </li>
        <li>
          <Link href="/timeline">Timeline</Link> of events in Eastern Europe and Northeast Asia.
        </li>
        <li>
          <Link href="/bibliography">Bibliography</Link> in Chicago, APA or MLA style.
        </li>
      </ul>
    </PageMain>
  );
}
