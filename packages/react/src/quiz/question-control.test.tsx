import { type PublicQuestion, parseQuiz, toPublicQuiz } from '@coursekit/quiz-engine';
import { loadQuestionControls } from '@coursekit/quiz-engine/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { QuestionControl } from './question-control.js';
import { initialResponse } from './quiz-responses.js';
import { QuizTextProvider, type RenderedTexts } from './quiz-text.js';

// Each type's control and its keyboard behaviour are tested in @coursekit/quiz-engine/react; here, what the app
// adds: quiz texts appear as the server rendered them (Markdown, citations), or as plain text until then.
const quiz = parseQuiz({
  id: 'rendered-texts',
  title: 'Rendered texts',
  questions: [
    {
      id: 'single',
      type: 'single',
      prompt: 'P',
      choices: [{ text: 'The *Hanoi* summit', correct: true }, { text: 'Vladivostok' }],
    },
    {
      id: 'essay',
      type: 'essay',
      prompt: 'P',
      rubric: [{ criterion: 'Cites [@rinna-two-peripheries, para. 2]', points: 1 }],
    },
  ],
});
const shown = toPublicQuiz(quiz, { seed: 'texts' });

// The essay control comes in a chunk of its own: the quiz island loads it before rendering, as here.
beforeAll(() => loadQuestionControls(['essay']));

function render(id: string, texts?: RenderedTexts): string {
  const question = shown.questions.find((candidate) => candidate.id === id) as PublicQuestion;
  const control = (
    <QuestionControl
      question={question}
      response={initialResponse(question)}
      labelledBy="heading prompt"
      promptId="prompt"
      disabled={false}
      onChange={() => undefined}
    />
  );
  return renderToStaticMarkup(texts ? <QuizTextProvider value={texts}>{control}</QuizTextProvider> : control);
}

describe('QuestionControl in the app', () => {
  it('shows choice and rubric texts as the server rendered them', () => {
    const html = render('single', {
      block: {},
      inline: {
        'The *Hanoi* summit': (
          <>
            The <em>Hanoi</em> summit
          </>
        ),
      },
    });
    expect(html).toContain('<span>The <em>Hanoi</em> summit</span>');
    expect(html).toContain('Vladivostok');
    const essay = render('essay', {
      block: {},
      inline: { 'Cites [@rinna-two-peripheries, para. 2]': <>Cites (Rinna, n.d., para. 2)</> },
    });
    expect(essay).toContain('Cites (Rinna, n.d., para. 2)');
  });

  it('shows the plain text while no rendering has arrived', () => {
    expect(render('single')).toContain('The *Hanoi* summit');
  });
});
