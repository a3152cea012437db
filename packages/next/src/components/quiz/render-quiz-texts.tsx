'use server';

import { randomBytes } from 'node:crypto';
import { allStrings } from '@coursekit/react';
import type { ReactNode } from 'react';
import { getCourse } from '../../lib/course/get-course.js';
import { CourseMarkdown } from '../course-text/course-markdown.js';

const MAX_TEXTS = 300;
const MAX_TEXT_LENGTH = 20_000;
const knownTexts = new WeakMap<object, Set<string>>();

/**
 * Renders quiz texts the page did not render in advance: feedback, explanations and hints once the
 * server has returned them, and questions drawn from pools. Only texts written in that quiz are rendered
 * (with citations and glossary links); anything else comes back as the plain string it was.
 */
export async function renderQuizTexts(
  quizId: string,
  requests: readonly { text: string; inline: boolean }[],
): Promise<ReactNode[]> {
  if (typeof quizId !== 'string' || !Array.isArray(requests) || requests.length > MAX_TEXTS) return [];
  const course = await getCourse();
  const quiz = Object.hasOwn(course.quizzes, quizId) ? course.quizzes[quizId] : undefined;
  if (!quiz) return [];
  let known = knownTexts.get(quiz);
  if (!known) {
    known = allStrings(quiz);
    knownTexts.set(quiz, known);
  }
  // This render numbers its ids from the start, as the page did: a prefix of its own keeps them unique.
  const idPrefix = `t${randomBytes(4).toString('hex')}-`;
  return requests.map((request) => {
    const text = typeof request?.text === 'string' ? request.text.trim() : '';
    if (!text || text.length > MAX_TEXT_LENGTH) return null;
    return known.has(text) ? (
      <CourseMarkdown key={text} text={text} inline={request.inline === true} idPrefix={idPrefix} />
    ) : (
      text
    );
  });
}
