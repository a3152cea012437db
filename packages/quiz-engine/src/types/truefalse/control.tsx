import type { QuestionControlProps } from '../../react/control.js';
import { RadioChoices } from '../../react/parts.js';
import type { PublicTrueFalseQuestion } from './truefalse.js';

const OPTIONS = [
  { id: 'true', text: 'True' },
  { id: 'false', text: 'False' },
];

/** True and False as two radios; the response is a boolean. */
export function TrueFalseControl(props: QuestionControlProps<PublicTrueFalseQuestion>) {
  const { response, name, labelledBy, disabled, Text, onChange } = props;
  return (
    <RadioChoices
      options={OPTIONS}
      selected={typeof response === 'boolean' ? String(response) : undefined}
      name={name}
      labelledBy={labelledBy}
      disabled={disabled}
      Text={Text}
      onPick={(id) => onChange(id === 'true')}
    />
  );
}
