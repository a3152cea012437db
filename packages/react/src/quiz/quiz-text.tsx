'use client';

import { createContext, type ReactNode, useContext } from 'react';

export interface RenderedTexts {
  block: Readonly<Record<string, ReactNode>>;
  inline: Readonly<Record<string, ReactNode>>;
}

const QuizTextContext = createContext<RenderedTexts>({ block: {}, inline: {} });

export const QuizTextProvider = QuizTextContext.Provider;

/**
 * A quiz text as the server rendered it (Markdown, citations, glossary links), or as plain text while
 * that rendering is on its way. Leading and trailing spaces are kept, for text around cloze blanks.
 */
export function QuizText({ text, inline = false }: { text: string; inline?: boolean }) {
  const texts = useContext(QuizTextContext);
  const key = text.trim();
  const rendered = (inline ? texts.inline : texts.block)[key];
  if (rendered === undefined || rendered === null) return <>{text}</>;
  if (!inline) return <div className="quiz-text">{rendered}</div>;
  const before = /^\s/.test(text) ? ' ' : '';
  const after = /\s$/.test(text) ? ' ' : '';
  return (
    <>
      {before}
      {rendered}
      {after}
    </>
  );
}
