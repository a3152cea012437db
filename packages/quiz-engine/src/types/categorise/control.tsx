import { type QuestionControlProps, recordOf } from '../../react/control.js';
import { SelectPerRow } from '../../react/parts.js';
import type { PublicCategoriseQuestion } from './categorise.js';

/** A labelled select per item, listing the categories. */
export function CategoriseControl(props: QuestionControlProps<PublicCategoriseQuestion>) {
  const { question, response, name, labelledBy, disabled, Text, onChange } = props;
  return (
    <SelectPerRow
      rows={question.items}
      options={question.categories.map((category) => ({ id: category.id, text: category.label }))}
      chosen={recordOf(response)}
      placeholder="Choose a category…"
      name={name}
      labelledBy={labelledBy}
      disabled={disabled}
      Text={Text}
      onChange={onChange}
    />
  );
}
