import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicOrderingQuestion } from './ordering.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const orderingClient: ClientQuestionType<PublicOrderingQuestion> = {
  type: 'ordering',
  initialResponse: (view) => view.items.map((item) => item.id),
  texts(view) {
    const inline: string[] = [];
    for (const item of view.items) addText(inline, item.text);
    return { block: [view.prompt], inline };
  },
};
