import type { QuestionControlProps } from '../../react/control.js';
import { RadioChoices } from '../../react/parts.js';
import type { PublicSingleChoiceQuestion } from './single.js';

/** One radio per choice, in a group named by the question. */
export function SingleChoiceControl(props: QuestionControlProps<PublicSingleChoiceQuestion>) {
  const { question, response, name, labelledBy, disabled, Text, onChange } = props;
  return (
    <RadioChoices
      options={question.choices}
      selected={typeof response === 'string' ? response : undefined}
      name={name}
      labelledBy={labelledBy}
      disabled={disabled}
      Text={Text}
      onPick={onChange}
    />
  );
}
