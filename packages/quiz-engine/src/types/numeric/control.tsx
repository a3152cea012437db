import type { QuestionControlProps } from '../../react/control.js';
import { TextField } from '../../react/parts.js';
import type { PublicNumericQuestion } from './numeric.js';

export function NumericControl(props: QuestionControlProps<PublicNumericQuestion>) {
  const { response, name, promptId, disabled, onChange } = props;
  return (
    <TextField
      label="Your answer (a number)"
      name={name}
      promptId={promptId}
      response={response}
      disabled={disabled}
      onChange={onChange}
      numeric
    />
  );
}
