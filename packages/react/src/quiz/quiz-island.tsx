'use client';

import type { PublicQuestion, QuestionResult } from '@coursekit/quiz-engine';
import { needsHuman } from '@coursekit/quiz-engine/client';
import { loadQuestionControls } from '@coursekit/quiz-engine/react';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { recordQuizScore } from '../progress/progress.js';
import { updateProgress } from '../progress/use-progress.js';
import { createDraftSaver } from './draft-saver.js';
import { formatPoints } from './points.js';
import { QuestionControl } from './question-control.js';
import type { ShownQuestionResult } from './question-feedback.js';
import {
  checkAnswer,
  fetchQuiz,
  newIdempotencyKey,
  type QuizView,
  type SubmittedAttempt,
  saveDraft,
  submitAnswers,
} from './quiz-api.js';
import { type DraftResponse, initialResponse, isAnswered, responsesToSend } from './quiz-responses.js';
import { QuizText, QuizTextProvider, type RenderedTexts } from './quiz-text.js';
import { publicQuizTexts } from './quiz-texts.js';

interface CheckState {
  result: QuestionResult;
  hints: string[];
  finished: boolean;
  triesLeft: number;
}

/** One quiz text to render: `inline` for a line inside a sentence, else a block that may hold paragraphs. */
export type QuizTextRequest = { text: string; inline: boolean };
type TextRequest = QuizTextRequest;

/**
 * Renders quiz texts the page did not render in advance (feedback, hints, questions drawn from pools), in
 * the order asked; `null` where a text stays plain. In Next.js, a server action.
 */
export type RenderQuizTexts = (
  quizId: string,
  requests: readonly QuizTextRequest[],
) => Promise<readonly ReactNode[]>;

/** Texts of graded results that the page has not rendered yet (feedback, explanations, hints). */
function resultTexts(
  results: readonly { result: ShownQuestionResult; hints?: readonly string[] }[],
): TextRequest[] {
  const requests: TextRequest[] = [];
  for (const { result, hints = [] } of results) {
    for (const item of result.feedback ?? []) requests.push({ text: item.text, inline: false });
    if (result.explanation) requests.push({ text: result.explanation, inline: false });
    for (const hint of hints) requests.push({ text: hint, inline: true });
  }
  return requests;
}

function initialDrafts(view: QuizView): Record<string, DraftResponse> {
  const drafts: Record<string, DraftResponse> = {};
  for (const question of view.quiz.questions) {
    const saved = view.attempt?.questions[question.id]?.response;
    drafts[question.id] = saved !== undefined ? (saved as DraftResponse) : initialResponse(question);
  }
  return drafts;
}

function initialChecks(view: QuizView): Record<string, CheckState> {
  const checks: Record<string, CheckState> = {};
  for (const [id, progress] of Object.entries(view.attempt?.questions ?? {})) {
    if (progress.result) {
      checks[id] = {
        result: progress.result,
        hints: progress.hints,
        finished: progress.finished,
        triesLeft: progress.triesLeft,
      };
    }
  }
  return checks;
}

type Results = typeof import('./quiz-results.js');
let results: Results | undefined;

/**
 * The feedback and summary components, in a chunk of their own: they load when the learner first answers
 * (or the quiz restores checked answers), so a page view without answering downloads none of their code.
 * Checking and submitting wait for them before asking the server, so a result is never received unshown.
 */
async function loadResults(): Promise<Results> {
  results ??= await import('./quiz-results.js');
  return results;
}

const NOT_DOWNLOADED = 'part of the quiz’s code did not download. Check your connection and reload the page.';

type PastAttemptsModule = typeof import('./past-attempts.js');

/**
 * "Review your past attempts", in a chunk of its own (it carries the feedback components): fetched only when
 * the learner has submitted an attempt, so a first visit downloads none of it.
 */
function LazyPastAttempts(props: Parameters<PastAttemptsModule['PastAttempts']>[0]) {
  const [loaded, setLoaded] = useState<PastAttemptsModule | 'failed' | null>(null);
  const wanted = props.attemptsUsed > 0;
  useEffect(() => {
    if (!wanted || loaded) return;
    import('./past-attempts.js').then(
      (module) => setLoaded(module),
      () => setLoaded('failed'),
    );
  }, [wanted, loaded]);
  if (!wanted || loaded === null) return null;
  if (loaded === 'failed') {
    return <p className="muted">Your past attempts cannot be shown: {NOT_DOWNLOADED}</p>;
  }
  return <loaded.PastAttempts {...props} />;
}

const BEHAVIOUR_RULES = {
  deferred: 'Answer the questions, then submit them together; feedback follows submission.',
  immediate:
    'Check each answer when you are ready: you get one check per question, with feedback straight away.',
  interactive:
    'Check each answer: a wrong answer shows a hint and you can try again, for fewer points each time.',
} as const;

/**
 * The quiz a student takes. It holds only the public form of the quiz (from `GET /api/quizzes/:id`); the
 * server grades (`POST /api/attempts`, `POST /api/attempts/check`) and only then sends feedback.
 */
export function QuizIsland({
  quizId,
  lessonId,
  texts,
  renderTexts,
  questionTypes,
}: {
  quizId: string;
  /** The lesson whose progress records the quiz's best score. */
  lessonId: string;
  /** The quiz's public texts, rendered on the server. */
  texts: RenderedTexts;
  /** Renders texts that arrive later; without it they show as plain text. */
  renderTexts?: RenderQuizTexts | undefined;
  /**
   * The question types the quiz may show (pool members included), when the page knows them: the controls
   * that come in chunks of their own (ordering, cloze, essay) then download alongside the quiz, not after it.
   */
  questionTypes?: readonly string[] | undefined;
}) {
  const [view, setView] = useState<QuizView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, DraftResponse>>({});
  const [checks, setChecks] = useState<Record<string, CheckState>>({});
  const [submitted, setSubmitted] = useState<SubmittedAttempt | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [questionErrors, setQuestionErrors] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<RenderedTexts>({ block: {}, inline: {} });
  const idempotencyKey = useRef<string | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const focusSummary = useRef(false);
  // Submitting takes two steps (Submit answers, then Submit now) so that no stray click or Enter ends an attempt.
  const [confirming, setConfirming] = useState(false);
  const confirmMessage = useRef<HTMLLegendElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  // Answers are saved as a draft on the server a second after the last change and when the page is hidden.
  // The status says only "Draft saved" (the same words each time, so screen readers hear it once) or why not.
  const [draftStatus, setDraftStatus] = useState('');
  const changed = useRef(false);
  const [draftSaver] = useState(() =>
    createDraftSaver<Parameters<typeof saveDraft>[0]>((draft, keepalive) => {
      void saveDraft(draft, keepalive).then((saved) =>
        setDraftStatus(saved.ok ? 'Draft saved' : saved.message),
      );
    }),
  );
  useEffect(() => {
    const flush = () => draftSaver.flush(true);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [draftSaver]);

  const requestTexts = useCallback(
    (requests: TextRequest[]) => {
      const missing = requests.filter(({ text, inline }) => {
        const key = text.trim();
        return key && (inline ? texts.inline : texts.block)[key] === undefined;
      });
      if (missing.length === 0 || !renderTexts) return;
      renderTexts(quizId, missing)
        .then((rendered) => {
          setExtra((current) => {
            const next = { block: { ...current.block }, inline: { ...current.inline } };
            missing.forEach((request, index) => {
              const node = rendered[index];
              if (node !== undefined && node !== null) {
                (request.inline ? next.inline : next.block)[request.text.trim()] = node as ReactNode;
              }
            });
            return next;
          });
        })
        // Plain text stays on screen when rendering fails: nothing is lost but formatting.
        .catch(() => undefined);
    },
    [quizId, texts, renderTexts],
  );

  useEffect(() => {
    // A failure here is reported by load(), which awaits the controls of the questions actually drawn.
    if (questionTypes) loadQuestionControls(questionTypes).catch(() => undefined);
  }, [questionTypes]);

  const load = useCallback(async () => {
    setLoadError(null);
    const loaded = await fetchQuiz(quizId);
    if (!loaded.ok) {
      setLoadError(loaded.message);
      return;
    }
    const restoredChecks = initialChecks(loaded.data);
    try {
      await Promise.all([
        loadQuestionControls(loaded.data.quiz.questions.map((question) => question.type)),
        Object.keys(restoredChecks).length > 0 ? loadResults() : undefined,
      ]);
    } catch {
      setLoadError(`The quiz could not be loaded: ${NOT_DOWNLOADED}`);
      return;
    }
    const shownTexts = publicQuizTexts(loaded.data.quiz);
    requestTexts([
      ...shownTexts.block.map((text) => ({ text, inline: false })),
      ...shownTexts.inline.map((text) => ({ text, inline: true })),
    ]);
    requestTexts(resultTexts(Object.values(restoredChecks)));
    draftSaver.cancel();
    changed.current = false;
    setView(loaded.data);
    setDrafts(initialDrafts(loaded.data));
    setChecks(restoredChecks);
    setSubmitted(null);
    setConfirming(false);
    setFormError(null);
    setQuestionErrors({});
    idempotencyKey.current = null;
  }, [quizId, requestTexts, draftSaver]);

  useEffect(() => {
    void load();
  }, [load]);

  // After "Check answer" the button may disappear (the question is finished): focus its feedback instead.
  const feedbackRefs = useRef(new Map<string, HTMLDivElement>());
  const focusFeedbackOf = useRef<string | null>(null);
  useEffect(() => {
    const questionId = focusFeedbackOf.current;
    if (questionId && checks[questionId]) {
      focusFeedbackOf.current = null;
      feedbackRefs.current.get(questionId)?.focus();
    }
  }, [checks]);

  // The confirmation takes the focus; cancelling gives it back to the Submit answers button.
  const refocusSubmit = useRef(false);
  useEffect(() => {
    if (confirming) confirmMessage.current?.focus();
    else if (refocusSubmit.current) {
      refocusSubmit.current = false;
      submitButton.current?.focus();
    }
  }, [confirming]);

  const cancelSubmit = () => {
    refocusSubmit.current = true;
    setConfirming(false);
  };

  useEffect(() => {
    if (submitted && focusSummary.current) {
      focusSummary.current = false;
      summaryHeading.current?.focus();
    }
  }, [submitted]);

  const allTexts = useMemo<RenderedTexts>(
    () => ({ block: { ...extra.block, ...texts.block }, inline: { ...extra.inline, ...texts.inline } }),
    [texts, extra],
  );

  const quiz = view?.quiz;
  const attempt = view?.attempt ?? null;
  const behaviour = quiz?.behaviour ?? 'deferred';

  useEffect(() => {
    if (changed.current && quiz && attempt) {
      draftSaver.change({
        quizId,
        attemptNumber: attempt.number,
        responses: responsesToSend(quiz.questions, drafts),
      });
    }
  }, [drafts, draftSaver, quiz, attempt, quizId]);

  const setDraft = (questionId: string, response: DraftResponse) => {
    // A learner who answers will check or submit: the results' code downloads meanwhile.
    if (!results) loadResults().catch(() => undefined);
    changed.current = true;
    idempotencyKey.current = null;
    setDrafts((current) => ({ ...current, [questionId]: response }));
    setQuestionErrors(({ [questionId]: _cleared, ...rest }) => rest);
  };

  const check = async (question: PublicQuestion) => {
    const draft = drafts[question.id];
    if (!isAnswered(question, draft)) {
      setQuestionErrors((current) => ({
        ...current,
        [question.id]: 'Answer the question before checking it.',
      }));
      return;
    }
    setBusy(question.id);
    try {
      await loadResults();
    } catch {
      setBusy(null);
      setQuestionErrors((current) => ({
        ...current,
        [question.id]: `Your answer was not checked: ${NOT_DOWNLOADED}`,
      }));
      return;
    }
    const sent = responsesToSend([question], drafts)[question.id];
    const checked = await checkAnswer({ quizId, questionId: question.id, response: sent });
    setBusy(null);
    if (!checked.ok) {
      setQuestionErrors((current) => ({ ...current, [question.id]: checked.message }));
      return;
    }
    const { result, hints, finished, triesLeft } = checked.data;
    focusFeedbackOf.current = question.id;
    setChecks((current) => ({ ...current, [question.id]: { result, hints, finished, triesLeft } }));
    requestTexts(resultTexts([{ result, hints }]));
  };

  const submit = async () => {
    if (!quiz || !attempt) return;
    setBusy('submit');
    setFormError(null);
    try {
      await loadResults();
    } catch {
      setBusy(null);
      setFormError(`Your answers were not sent: ${NOT_DOWNLOADED}`);
      return;
    }
    draftSaver.cancel();
    changed.current = false;
    idempotencyKey.current ??= newIdempotencyKey();
    const sent = await submitAnswers({
      quizId,
      responses: responsesToSend(quiz.questions, drafts),
      idempotencyKey: idempotencyKey.current,
      attemptNumber: attempt.number,
    });
    setBusy(null);
    if (!sent.ok) {
      setFormError(sent.message);
      return;
    }
    const { attempt: graded, result } = sent.data;
    updateProgress((progress) =>
      recordQuizScore(progress, lessonId, graded.percentage, graded.passed === true),
    );
    requestTexts(resultTexts(result.questions.map((questionResult) => ({ result: questionResult }))));
    focusSummary.current = true;
    setConfirming(false);
    setSubmitted(sent.data);
  };

  if (loadError) {
    return (
      <div className="form-error" role="alert">
        <p>{loadError}</p>
        <button type="button" onClick={() => void load()}>
          Load the quiz again
        </button>
      </div>
    );
  }
  if (!quiz || !view) {
    return (
      <p className="muted" role="status">
        Loading the quiz…
      </p>
    );
  }

  const answered = quiz.questions.filter((question) => isAnswered(question, drafts[question.id])).length;
  const unanswered = quiz.questions.length - answered;
  const gradedById = new Map(submitted?.result.questions.map((result) => [result.id, result]));
  const attemptsLeftAfter =
    submitted && attempt?.remaining !== null && attempt?.remaining !== undefined
      ? attempt.remaining - 1
      : null;
  const canRetry = submitted !== null && (attempt?.maxAttempts === null || (attemptsLeftAfter ?? 0) > 0);
  // Loaded before any check or submission is sent, and before restored results are shown.
  const Results = results;

  return (
    <QuizTextProvider value={allTexts}>
      <div className="quiz-rules">
        <p>
          {BEHAVIOUR_RULES[behaviour]} {quiz.questions.length} questions, {formatPoints(quiz.totalPoints)}.
          The pass mark is {quiz.passMark}%.
          {attempt
            ? ` Attempt ${attempt.number}${attempt.maxAttempts ? ` of ${attempt.maxAttempts}` : ''}.`
            : ''}
          {view.best && !submitted ? ` Your best score so far: ${view.best.percentage}%.` : ''}
        </p>
        {view.learner?.kind === 'student' ? (
          <p>
            You are answering as {view.learner.displayName}; your teacher sees your results in the class
            gradebook.
          </p>
        ) : null}
      </div>

      {submitted && Results ? (
        <Results.QuizSummary
          quizId={quizId}
          submitted={submitted}
          passMark={quiz.passMark}
          attemptsLeftAfter={attemptsLeftAfter}
          canRetry={canRetry}
          onRetry={() => void load()}
          headingRef={summaryHeading}
        />
      ) : null}

      {!attempt ? (
        <p className="quiz-summary">
          You have used all {view.attemptsUsed} attempts at this quiz
          {view.best ? `; your best score is ${view.best.percentage}%` : ''}.
        </p>
      ) : (
        // Enter in a text or number field submits a form implicitly: here it does nothing (the buttons submit).
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          {quiz.questions.map((question, index) => {
            const headingId = `${quizId}-${question.id}-heading`;
            const promptId = `${quizId}-${question.id}-prompt`;
            const checked = checks[question.id];
            const graded = gradedById.get(question.id);
            const locked = submitted !== null || checked?.finished === true || busy !== null;
            const error = questionErrors[question.id];
            return (
              <section key={question.id} className="question" aria-labelledby={headingId}>
                <h3 id={headingId} className="question-prompt">
                  <span className="question-number">Question {index + 1}</span>
                  <span className="muted">({formatPoints(question.points)})</span>
                </h3>
                <div id={promptId}>{question.prompt ? <QuizText text={question.prompt} /> : null}</div>
                <QuestionControl
                  question={question}
                  response={drafts[question.id]}
                  labelledBy={`${headingId} ${promptId}`}
                  promptId={promptId}
                  disabled={locked}
                  onChange={(response) => setDraft(question.id, response)}
                />
                {behaviour !== 'deferred' && !needsHuman(question) && !submitted && !checked?.finished ? (
                  <div className="quiz-actions">
                    <button
                      type="button"
                      aria-disabled={busy !== null}
                      onClick={() => {
                        // aria-disabled rather than disabled: disabling the focused button would drop the focus.
                        if (busy === null) void check(question);
                      }}
                    >
                      {busy === question.id ? 'Checking…' : 'Check answer'}
                    </button>
                  </div>
                ) : null}
                <div
                  aria-live="polite"
                  tabIndex={-1}
                  className="question-outcome"
                  ref={(element) => {
                    if (element) feedbackRefs.current.set(question.id, element);
                    else feedbackRefs.current.delete(question.id);
                  }}
                >
                  {error ? <p className="error-message">{error}</p> : null}
                  {!Results ? null : graded ? (
                    <Results.QuestionFeedback result={graded} />
                  ) : checked ? (
                    <Results.QuestionFeedback
                      result={checked.result}
                      hints={checked.hints}
                      triesLeft={behaviour === 'interactive' ? checked.triesLeft : undefined}
                      finished={checked.finished}
                    />
                  ) : null}
                </div>
              </section>
            );
          })}
          {submitted ? null : confirming ? (
            <fieldset
              className="quiz-actions quiz-confirm"
              onKeyDown={(event) => {
                if (event.key === 'Escape' && busy === null) cancelSubmit();
              }}
            >
              <legend tabIndex={-1} ref={confirmMessage}>
                {unanswered > 0
                  ? `${unanswered} of ${quiz.questions.length} ${unanswered === 1 ? 'question is' : 'questions are'} unanswered and will score nothing.`
                  : `All ${quiz.questions.length} questions are answered.`}{' '}
                Submit your answers now?
                {attempt.maxAttempts ? ` This uses attempt ${attempt.number} of ${attempt.maxAttempts}.` : ''}
              </legend>
              <button
                type="button"
                className="primary"
                aria-disabled={busy !== null}
                onClick={() => {
                  if (busy === null) void submit();
                }}
              >
                {busy === 'submit' ? 'Submitting…' : 'Submit now'}
              </button>
              <button
                type="button"
                aria-disabled={busy !== null}
                onClick={() => busy === null && cancelSubmit()}
              >
                Keep answering
              </button>
            </fieldset>
          ) : (
            <div className="quiz-actions">
              <button
                type="button"
                className="primary"
                ref={submitButton}
                disabled={busy !== null}
                onClick={() => setConfirming(true)}
              >
                Submit answers
              </button>
              <span className="muted">
                {answered} of {quiz.questions.length} answered
                {unanswered > 0 ? '; unanswered questions score nothing' : ''}
              </span>
              <span className="muted" role="status">
                {draftStatus}
              </span>
            </div>
          )}
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
        </form>
      )}
      <LazyPastAttempts
        // Read again after each submission: the new attempt (and any later mark) belongs in the list.
        key={`${submitted?.attempt.id ?? ''}-${view.attemptsUsed}`}
        quizId={quizId}
        attemptsUsed={Math.max(view.attemptsUsed, submitted?.attempt.number ?? 0)}
        questions={quiz.questions}
      />
    </QuizTextProvider>
  );
}
