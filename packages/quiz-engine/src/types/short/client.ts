import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicShortAnswerQuestion } from './short.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const shortClient: ClientQuestionType<PublicShortAnswerQuestion> = {
  type: 'short',
  initialResponse: () => undefined,
  texts(view) {
    const block: string[] = [];
    addText(block, view.prompt);
    return { block, inline: [] };
  },
};
