import { toPublicQuiz } from '@coursekit/quiz-engine';
import { publicQuizTexts } from '@coursekit/react';
import { QuizIsland } from '@coursekit/react/quiz';
import type { ReactNode } from 'react';
import { getCourse } from '../../lib/course/get-course.js';
import { CourseMarkdown } from '../course-text/course-markdown.js';
import { renderQuizTexts } from './render-quiz-texts.js';

// Only to list the texts a learner may see; each learner's own layout comes from GET /api/quizzes/:id.
const PAGE_SEED = 'static-page';

/**
 * A lesson's quiz. The page carries the quiz's public texts, rendered on the server; the island fetches
 * the learner's own (seeded) public form and sends answers to the server, which grades them.
 */
export async function QuizSection({ quizId, lessonId }: { quizId: string; lessonId: string }) {
  const course = await getCourse();
  const quiz = course.quizzes[quizId];
  if (!quiz) throw new Error(`Lesson ${lessonId} embeds quiz '${quizId}', which the course does not have.`);
  const shown = toPublicQuiz(quiz, { seed: PAGE_SEED });
  const texts = publicQuizTexts(shown);
  // Every type the quiz may draw: the island fetches the larger controls among them with the quiz itself.
  const drawable = quiz.questions.flatMap((entry) => ('draw' in entry ? entry.questions : [entry]));
  const questionTypes = [...new Set(drawable.map((question) => question.type))];
  const render = (list: string[], inline: boolean): Record<string, ReactNode> =>
    Object.fromEntries(
      list.map((text) => [text.trim(), <CourseMarkdown key={text} text={text} inline={inline} />]),
    );
  const headingId = `quiz-${quizId}`;
  return (
    <section className="quiz" aria-labelledby={headingId}>
      <h2 id={headingId}>{shown.title}</h2>
      <noscript>
        <p className="form-error">
          The quiz needs JavaScript: turn it on to answer the questions. Everything else on this page works
          without it.
        </p>
      </noscript>
      <QuizIsland
        quizId={quizId}
        lessonId={lessonId}
        texts={{ block: render(texts.block, false), inline: render(texts.inline, true) }}
        renderTexts={renderQuizTexts}
        questionTypes={questionTypes}
      />
    </section>
  );
}
