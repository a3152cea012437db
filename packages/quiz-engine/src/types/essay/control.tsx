import type { QuestionControlProps } from '../../react/control.js';
import type { PublicEssayQuestion } from './essay.js';
import { countWords } from './marking.js';

/** A labelled text area with a live word count and the rubric the teacher will use. */
export function EssayControl(props: QuestionControlProps<PublicEssayQuestion>) {
  const { question, response, name, promptId, disabled, Text, onChange } = props;
  const text = typeof response === 'string' ? response : '';
  const words = countWords(text);
  const over = question.maxWords ? words - question.maxWords : 0;
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
                <Text text={criterion.criterion} inline /> ({criterion.points}{' '}
                {criterion.points === 1 ? 'point' : 'points'})
                {criterion.levels ? (
                  <ul className="rubric-levels">
                    {criterion.levels.map((level) => (
                      <li key={level.label}>
                        <strong>{level.label}</strong> ({level.points}):{' '}
                        <Text text={level.descriptor} inline />
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
      <p id={`${name}-count`} className={over > 0 ? 'field-hint over-limit' : 'field-hint'}>
        {words} {words === 1 ? 'word' : 'words'}
        {over > 0
          ? `: ${over} over the limit of ${question.maxWords} words`
          : limits
            ? ` (write ${limits} words)`
            : ''}
      </p>
      {limits ? (
        // Announces only when the answer crosses a limit, not each word typed (the count is the field's description).
        <p className="visually-hidden" aria-live="polite">
          {over > 0
            ? `Over the limit of ${question.maxWords} words.`
            : question.minWords && words < question.minWords
              ? `Fewer than the ${question.minWords} words asked for.`
              : 'Within the word limit.'}
        </p>
      ) : null}
    </div>
  );
}
