import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicMultipleResponseQuestion } from './multiple.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const multipleClient: ClientQuestionType<PublicMultipleResponseQuestion> = {
  type: 'multiple',
  initialResponse: () => [],
  texts(view) {
    const inline: string[] = [];
    for (const choice of view.choices) addText(inline, choice.text);
    return { block: [view.prompt], inline };
  },
};
