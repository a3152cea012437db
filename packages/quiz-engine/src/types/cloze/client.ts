import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicClozeQuestion } from './cloze.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const clozeClient: ClientQuestionType<PublicClozeQuestion> = {
  type: 'cloze',
  initialResponse: () => ({}),
  texts(view) {
    const inline: string[] = [];
    for (const piece of view.text.split(/\{\{[^{}]*\}\}/)) addText(inline, piece);
    for (const blank of view.blanks) {
      if (blank.kind === 'choice') for (const choice of blank.choices) addText(inline, choice.text);
    }
    return { block: [view.prompt], inline };
  },
};
