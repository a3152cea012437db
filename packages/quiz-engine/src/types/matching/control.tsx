import { type QuestionControlProps, recordOf } from '../../react/control.js';
import { SelectPerRow } from '../../react/parts.js';
import type { PublicMatchingQuestion } from './matching.js';

/** A labelled select per left side, listing every right side and distractor. */
export function MatchingControl(props: QuestionControlProps<PublicMatchingQuestion>) {
  const { question, response, name, labelledBy, disabled, Text, onChange } = props;
  return (
    <SelectPerRow
      rows={question.left}
      options={question.right}
      chosen={recordOf(response)}
      placeholder="Choose a match…"
      name={name}
      labelledBy={labelledBy}
      disabled={disabled}
      Text={Text}
      onChange={onChange}
    />
  );
}
