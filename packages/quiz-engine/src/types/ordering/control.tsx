import type { QuestionControlProps } from '../../react/control.js';
import type { PublicOrderingQuestion } from './ordering.js';
import { OrderingControl as OrderingList } from './ordering-list.js';

/** The items in the learner's order (as shown until moved), with Move up / Move down and dragging. */
export function OrderingControl(props: QuestionControlProps<PublicOrderingQuestion>) {
  const { question, response, labelledBy, disabled, Text, onChange } = props;
  return (
    <OrderingList
      items={question.items}
      order={Array.isArray(response) ? response : question.items.map((item) => item.id)}
      labelledBy={labelledBy}
      disabled={disabled}
      onChange={onChange}
      Text={Text}
    />
  );
}
