import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicMatchingQuestion } from './matching.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const matchingClient: ClientQuestionType<PublicMatchingQuestion> = {
  type: 'matching',
  initialResponse: () => ({}),
  texts(view) {
    const inline: string[] = [];
    for (const side of view.left) addText(inline, side.text);
    for (const side of view.right) addText(inline, side.text);
    return { block: [view.prompt], inline };
  },
};
