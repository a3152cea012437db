import type { QuestionControlProps } from '../../react/control.js';
import { TextField } from '../../react/parts.js';
import type { PublicShortAnswerQuestion } from './short.js';

export function ShortAnswerControl(props: QuestionControlProps<PublicShortAnswerQuestion>) {
  const { question, response, name, promptId, disabled, onChange } = props;
  return (
    <TextField
      label="Your answer"
      name={name}
      promptId={promptId}
      response={response}
      disabled={disabled}
      onChange={onChange}
      maxLength={question.maxLength}
    />
  );
}
