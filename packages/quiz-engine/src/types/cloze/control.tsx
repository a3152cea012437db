import { type QuestionControlProps, recordOf } from '../../react/control.js';
import type { PublicClozeQuestion } from './cloze.js';
import { splitClozeText } from './segments.js';

/** The passage with a text field or a select where each blank is. */
export function ClozeControl(props: QuestionControlProps<PublicClozeQuestion>) {
  const { question, response, labelledBy, disabled, Text, onChange } = props;
  const filled = recordOf(response);
  const blanks = new Map(question.blanks.map((blank, index) => [blank.id, { blank, number: index + 1 }]));
  return (
    <fieldset aria-labelledby={labelledBy} className="cloze-text">
      {splitClozeText(question.text).map((segment, index) => {
        if (segment.type === 'text') {
          // biome-ignore lint/suspicious/noArrayIndexKey: segments never move; text may repeat
          return <Text key={`t${index}`} text={segment.value} inline />;
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
