import { formatMinutes } from '@coursekit/react';
import { ContinueLink, CourseProgressSummary, LessonProgressBadge } from '@coursekit/react/progress';
import Link from 'next/link';
import { PageMain } from '../components/shell/page-main.js';
import { offeredStyles } from '../lib/course/bibliography-styles.js';
import { type CourseData, courseSections, getCourse } from '../lib/course/get-course.js';

/** The home page's links to the study pages the course has, each described from the course's own data. */
function studyAidsOf(data: CourseData): { href: string; label: string; text: string }[] {
  const sections = courseSections(data);
  const aids: { href: string; label: string; text: string }[] = [];
  if (sections.reading) {
    aids.push({
      href: '/reading',
      label: 'The reading',
      text: ', with numbered paragraphs: every citation of it in the lessons links to its paragraph.',
    });
  }
  if (sections.glossary)
    aids.push({ href: '/glossary', label: 'Glossary', text: ' of the terms the course uses.' });
  if (sections.timeline) {
    const lanes = (data.course.timelineLanes ?? []).map((lane) => lane.label);
    const where =
      lanes.length > 0
        ? ` in ${new Intl.ListFormat(data.course.language, { type: 'conjunction' }).format(lanes)}`
        : '';
    aids.push({ href: '/timeline', label: 'Timeline', text: ` of events${where}.` });
  }
  if (sections.bibliography) {
    const styles = offeredStyles(data.style).map((style) => style.label);
    const list = new Intl.ListFormat(data.course.language, { type: 'disjunction' }).format(styles);
    aids.push({ href: '/bibliography', label: 'Bibliography', text: ` in ${list} style.` });
  }
  return aids;
}

export default async function CourseHomePage() {
  const data = await getCourse();
  const { course, lessons } = data;
  const studyAids = studyAidsOf(data);
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
        <ContinueLink
          lessons={lessons.map((lesson) => ({ id: lesson.id, title: lesson.frontmatter.title }))}
        />
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
                <LessonProgressBadge lessonId={lesson.id} quizId={lesson.frontmatter.quiz} />
              </p>
            </article>
          </li>
        ))}
      </ol>

      {studyAids.length > 0 ? (
        <>
          <h2>Study aids</h2>
          <ul className="prose">
            {studyAids.map((aid) => (
              <li key={aid.href}>
                <Link href={aid.href}>{aid.label}</Link>
                {aid.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </PageMain>
  );
}
