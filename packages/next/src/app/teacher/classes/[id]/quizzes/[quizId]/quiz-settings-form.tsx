'use client';

import type { LatePolicy, ReviewOptions } from '@coursekit/classroom';
import { type ApiErrorBody, errorMessage, postJson } from '@coursekit/react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import styles from '../../../../teacher.module.css';
import own from './quiz-settings.module.css';
import { REVIEW_PARTS, REVIEW_TIMES } from './review-options.js';

export interface QuizSettingsFormProps {
  /** `PUT /api/classes/:id/quizzes/:quizId/settings`. */
  url: string;
  /** ISO 8601 instants, or null when not set. */
  opensAt: string | null;
  dueAt: string | null;
  latePolicy: LatePolicy;
  /** The options that hold now. */
  review: ReviewOptions;
  /** What holds without the teacher's choices: course.yaml `grading.review` over the built-in defaults. */
  courseReview: ReviewOptions;
}

/** An instant as a `datetime-local` value in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value, read in the browser's time zone, as ISO 8601 (UTC); null when empty. */
function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** Open and due dates, the late policy and the review options of one quiz for one class. */
export function QuizSettingsForm(props: QuizSettingsFormProps) {
  const router = useRouter();
  const id = useId();
  // The dates are shown in the browser's time zone, which the server cannot know: filled in after mounting.
  const [zone, setZone] = useState<string | null>(null);
  // Until then the date fields and Save wait: a date typed earlier would be overwritten, and a save would clear it.
  const ready = zone !== null;
  const [opensAt, setOpensAt] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [latePolicy, setLatePolicy] = useState<LatePolicy>(props.latePolicy);
  const [review, setReview] = useState<ReviewOptions>(props.review);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  /** The fields the server's last refusal named (`opensAt`, `dueAt`, …). */
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    setOpensAt(toLocalInput(props.opensAt));
    setDueAt(toLocalInput(props.dueAt));
  }, [props.opensAt, props.dueAt]);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setInvalid(new Set());
    // Only the choices that differ from the course file are the teacher's: the rest follow course.yaml.
    const changed = Object.fromEntries(
      REVIEW_PARTS.filter(({ key }) => review[key] !== props.courseReview[key]).map(({ key }) => [
        key,
        review[key],
      ]),
    );
    const body = {
      opensAt: fromLocalInput(opensAt),
      dueAt: fromLocalInput(dueAt),
      latePolicy,
      review: Object.keys(changed).length > 0 ? changed : null,
    };
    try {
      const result = await postJson<unknown>(props.url, body, 'PUT');
      if (result.ok) {
        setMessage({ kind: 'saved', text: 'Saved. Students of this class see the new settings now.' });
        router.refresh();
      } else {
        const issues = (result.data as Partial<ApiErrorBody> | null)?.error?.issues ?? [];
        setInvalid(new Set(issues.map((issue) => issue.path.split('.')[0] ?? '')));
        setMessage({
          kind: 'error',
          text: errorMessage(result, `The settings were not saved (HTTP ${result.status}). Try again.`),
        });
      }
    } catch {
      setMessage({
        kind: 'error',
        text: 'The server could not be reached; nothing was saved. Check the connection and try again.',
      });
    } finally {
      setPending(false);
    }
  }

  const zoneText = zone ? `in your time zone, ${zone}` : 'in your time zone';
  return (
    <form className={own.settingsForm} onSubmit={onSubmit} noValidate aria-labelledby="dates">
      <p id={`${id}-zone`} className={styles.muted}>
        Dates and times are {zoneText}. Leave a field empty for no date.
      </p>
      <div className={own.field}>
        <label htmlFor={`${id}-opens`}>Opens at</label>
        <input
          id={`${id}-opens`}
          type="datetime-local"
          value={opensAt}
          disabled={!ready}
          onChange={(event) => setOpensAt(event.target.value)}
          aria-invalid={invalid.has('opensAt') ? true : undefined}
          aria-describedby={invalid.has('opensAt') ? `${id}-zone ${id}-message` : `${id}-zone`}
        />
      </div>
      <div className={own.field}>
        <label htmlFor={`${id}-due`}>Due at</label>
        <input
          id={`${id}-due`}
          type="datetime-local"
          value={dueAt}
          disabled={!ready}
          onChange={(event) => setDueAt(event.target.value)}
          aria-invalid={invalid.has('dueAt') ? true : undefined}
          aria-describedby={invalid.has('dueAt') ? `${id}-zone ${id}-message` : `${id}-zone`}
        />
      </div>

      <fieldset className={own.fieldset}>
        <legend>After the due date</legend>
        <label className={own.choice}>
          <input
            type="radio"
            name={`${id}-late`}
            value="refuse"
            checked={latePolicy === 'refuse'}
            onChange={() => setLatePolicy('refuse')}
          />
          Refuse late submissions
        </label>
        <label className={own.choice}>
          <input
            type="radio"
            name={`${id}-late`}
            value="mark-late"
            checked={latePolicy === 'mark-late'}
            onChange={() => setLatePolicy('mark-late')}
          />
          Accept them and mark them late
        </label>
      </fieldset>

      <h3>What students see of a submitted attempt</h3>
      <p className={styles.muted}>
        “After the last attempt” also holds once the due date has passed. “Course default” marks what the
        course file sets. Students always see their own answers, and your marks and comments on essays.
      </p>
      <div className={own.reviewGrid}>
        {REVIEW_PARTS.map((part) => (
          <fieldset key={part.key} className={own.fieldset}>
            <legend>
              {part.label} <span className={styles.muted}>— {part.description}</span>
            </legend>
            {REVIEW_TIMES.map((time) => (
              <label key={time.value} className={own.choice}>
                <input
                  type="radio"
                  name={`${id}-${part.key}`}
                  value={time.value}
                  checked={review[part.key] === time.value}
                  onChange={() => setReview({ ...review, [part.key]: time.value })}
                />
                <span>
                  {time.label}
                  {props.courseReview[part.key] === time.value ? (
                    <span className={styles.muted}> (course default)</span>
                  ) : null}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>

      <div>
        <button type="submit" className="primary" disabled={pending || !ready}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
      <div ref={messageRef} tabIndex={-1} role="status">
        {message ? (
          <p id={`${id}-message`} className={message.kind === 'error' ? styles.error : styles.success}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
