import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicNumericQuestion } from './numeric.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const numericClient: ClientQuestionType<PublicNumericQuestion> = {
  type: 'numeric',
  initialResponse: () => undefined,
  texts(view) {
    const block: string[] = [];
    addText(block, view.prompt);
    return { block, inline: [] };
  },
};
