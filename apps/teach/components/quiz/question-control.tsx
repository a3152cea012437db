'use client';

import type { PublicQuestion } from '@coursekit/quiz-engine';
import { useId } from 'react';
import { countWords, type DraftResponse } from '@/lib/course/quiz-responses';
import { splitClozeText } from '@/lib/course/quiz-texts';
import { OrderingControl } from './ordering-control';
import { QuizText } from './quiz-text';

export interface QuestionControlProps {
  question: PublicQuestion;
  response: DraftResponse;
  /** Id of the element that names the question (its heading and prompt). */
  labelledBy: string;
  promptId: string;
  disabled: boolean;
  onChange: (response: DraftResponse) => void;
}

function recordOf(response: DraftResponse): Record<string, string> {
  return response !== null && typeof response === 'object' && !Array.isArray(response) ? response : {};
}

/** The control that suits each question type; every one works with the keyboard alone. */
export function QuestionControl(props: QuestionControlProps) {
  const { question, response, labelledBy, promptId, disabled, onChange } = props;
  const name = useId();
  switch (question.type) {
    case 'single':
    case 'truefalse': {
      const options =
        question.type === 'single'
          ? question.choices
          : [
              { id: 'true', text: 'True' },
              { id: 'false', text: 'False' },
            ];
      const selected =
        question.type === 'truefalse' && typeof response === 'boolean' ? String(response) : response;
      return (
        <div role="radiogroup" aria-labelledby={labelledBy} className="choice-list">
          {options.map((option) => (
            <label key={option.id} className="choice">
              <input
                type="radio"
                name={name}
                value={option.id}
                checked={selected === option.id}
                disabled={disabled}
                onChange={() => onChange(question.type === 'truefalse' ? option.id === 'true' : option.id)}
              />
              <span>
                <QuizText text={option.text} inline />
              </span>
            </label>
          ))}
        </div>
      );
    }
    case 'multiple': {
      const picked = Array.isArray(response) ? response : [];
      return (
        <fieldset aria-labelledby={labelledBy} className="choice-list">
          <p className="field-hint">Select every answer that applies.</p>
          {question.choices.map((choice) => (
            <label key={choice.id} className="choice">
              <input
                type="checkbox"
                value={choice.id}
                checked={picked.includes(choice.id)}
                disabled={disabled}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? [...picked, choice.id] : picked.filter((id) => id !== choice.id),
                  )
                }
              />
              <span>
                <QuizText text={choice.text} inline />
              </span>
            </label>
          ))}
        </fieldset>
      );
    }
    case 'short':
    case 'numeric':
      return (
        <div className="field">
          <label htmlFor={name}>
            {question.type === 'numeric' ? 'Your answer (a number)' : 'Your answer'}
          </label>
          <input
            id={name}
            type={question.type === 'numeric' ? 'number' : 'text'}
            step={question.type === 'numeric' ? 'any' : undefined}
            inputMode={question.type === 'numeric' ? 'decimal' : undefined}
            maxLength={question.type === 'short' ? question.maxLength : undefined}
            autoComplete="off"
            spellCheck={question.type === 'short' ? false : undefined}
            aria-describedby={promptId}
            value={typeof response === 'string' ? response : ''}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value)}
          />
        </div>
      );
    case 'ordering':
      return (
        <OrderingControl
          items={question.items}
          order={Array.isArray(response) ? response : question.items.map((item) => item.id)}
          labelledBy={labelledBy}
          disabled={disabled}
          onChange={onChange}
        />
      );
    case 'matching':
    case 'categorise': {
      const chosen = recordOf(response);
      const rows = question.type === 'matching' ? question.left : question.items;
      const options =
        question.type === 'matching'
          ? question.right.map((right) => ({ id: right.id, text: right.text }))
          : question.categories.map((category) => ({ id: category.id, text: category.label }));
      return (
        <ul className="pair-list" aria-labelledby={labelledBy}>
          {rows.map((row) => {
            const id = `${name}-${row.id}`;
            return (
              <li key={row.id}>
                <label htmlFor={id}>
                  <QuizText text={row.text} inline />
                </label>
                <select
                  id={id}
                  value={chosen[row.id] ?? ''}
                  disabled={disabled}
                  onChange={(event) => onChange({ ...chosen, [row.id]: event.target.value })}
                >
                  <option value="">
                    {question.type === 'matching' ? 'Choose a match…' : 'Choose a category…'}
                  </option>
                  {options.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.text}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      );
    }
    case 'cloze': {
      const filled = recordOf(response);
      const blanks = new Map(question.blanks.map((blank, index) => [blank.id, { blank, number: index + 1 }]));
      return (
        <fieldset aria-labelledby={labelledBy} className="cloze-text">
          {splitClozeText(question.text).map((segment, index) => {
            if (segment.type === 'text') {
              // biome-ignore lint/suspicious/noArrayIndexKey: segments never move; text may repeat
              return <QuizText key={`t${index}`} text={segment.value} inline />;
            }
            const found = blanks.get(segment.id);
            if (!found) return null;
            const label = `Blank ${found.number} of ${question.blanks.length}`;
            const value = filled[segment.id] ?? '';
            const update = (next: string) => onChange({ ...filled, [segment.id]: next });
            return found.blank.kind === 'choice' ? (
              <select
                key={segment.id}
                aria-label={label}
                value={value}
                disabled={disabled}
                onChange={(event) => update(event.target.value)}
              >
                <option value="">Choose…</option>
                {found.blank.choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.text}
                  </option>
                ))}
              </select>
            ) : (
              <input
                key={segment.id}
                type="text"
                aria-label={label}
                autoComplete="off"
                spellCheck={false}
                maxLength={found.blank.maxLength}
                value={value}
                disabled={disabled}
                onChange={(event) => update(event.target.value)}
              />
            );
          })}
        </fieldset>
      );
    }
    case 'essay': {
      const text = typeof response === 'string' ? response : '';
      const words = countWords(text);
      const limits = [
        question.minWords ? `at least ${question.minWords}` : '',
        question.maxWords ? `at most ${question.maxWords}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      return (
        <div className="field">
          {question.rubric.length > 0 ? (
            <div className="field-hint">
              <p>Your teacher will assess:</p>
              <ul>
                {question.rubric.map((criterion) => (
                  <li key={criterion.criterion}>
                    <QuizText text={criterion.criterion} inline /> ({criterion.points}{' '}
                    {criterion.points === 1 ? 'point' : 'points'})
                    {criterion.levels ? (
                      <ul className="rubric-levels">
                        {criterion.levels.map((level) => (
                          <li key={level.label}>
                            <strong>{level.label}</strong> ({level.points}):{' '}
                            <QuizText text={level.descriptor} inline />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <label htmlFor={name}>Your essay</label>
          <textarea
            id={name}
            maxLength={question.maxLength}
            aria-describedby={`${promptId} ${name}-count`}
            value={text}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value)}
          />
          <p id={`${name}-count`} className="field-hint">
            {words} {words === 1 ? 'word' : 'words'}
            {limits ? ` (write ${limits} words)` : ''}
          </p>
        </div>
      );
    }
    default:
      return null;
  }
}
