import type { QuestionControlProps } from '../../react/control.js';
import type { PublicMultipleResponseQuestion } from './multiple.js';

/** A checkbox per choice in a fieldset named by the question. */
export function MultipleResponseControl(props: QuestionControlProps<PublicMultipleResponseQuestion>) {
  const { question, response, labelledBy, disabled, Text, onChange } = props;
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
            <Text text={choice.text} inline />
          </span>
        </label>
      ))}
    </fieldset>
  );
}
