import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicCategoriseQuestion } from './categorise.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const categoriseClient: ClientQuestionType<PublicCategoriseQuestion> = {
  type: 'categorise',
  initialResponse: () => ({}),
  texts(view) {
    const inline: string[] = [];
    for (const category of view.categories) addText(inline, category.label);
    for (const item of view.items) addText(inline, item.text);
    return { block: [view.prompt], inline };
  },
};
