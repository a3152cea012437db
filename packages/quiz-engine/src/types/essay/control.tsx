import type { QuestionControlProps } from '../../react/control.js';
import type { PublicEssayQuestion } from './essay.js';
import { countWords } from './marking.js';

/** A labelled text area with a live word count and the rubric the teacher will use. */
export function EssayControl(props: QuestionControlProps<PublicEssayQuestion>) {
  const { question, response, name, promptId, disabled, Text, onChange } = props;
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
                <Text text={criterion.criterion} inline /> ({criterion.points}{' '}
                {criterion.points === 1 ? 'point' : 'points'})
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
