'use client';

import { nextLesson, useLearnerProgress } from './class-progress.js';

/**
 * The home page's main button: the first lesson not completed yet ("Start with lesson 1" before any),
 * from the server's progress for a class member, else this browser's.
 */
export function ContinueLink({
  lessons,
  basePath = '/lessons/',
}: {
  lessons: readonly { id: string; title: string }[];
  /** Where lesson pages live; a lesson's URL is this followed by its id. */
  basePath?: string;
}) {
  const { lesson } = useLearnerProgress();
  const next = nextLesson(lessons, (id) => lesson(id)?.completedAt !== undefined);
  const first = lessons[0];
  if (!first) return null;
  const [target, label] = !next
    ? [first, 'You have completed every lesson. Review lesson 1']
    : next.number === 1
      ? [first, 'Start with lesson 1']
      : [next.lesson, `Continue with lesson ${next.number}`];
  return (
    <p>
      <a className="button primary" href={`${basePath}${target.id}`}>
        {label}: {target.title}
      </a>
    </p>
  );
}
