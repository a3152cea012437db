import type { ClientQuestionType } from '../../client.js';
import type { PublicTrueFalseQuestion } from './truefalse.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const truefalseClient: ClientQuestionType<PublicTrueFalseQuestion> = {
  type: 'truefalse',
  initialResponse: () => undefined,
  texts(view) {
    return { block: [view.prompt], inline: [] };
  },
};
