import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicSingleChoiceQuestion } from './single.js';

/** What a browser needs of this type: its starting response and the texts it shows. */
export const singleClient: ClientQuestionType<PublicSingleChoiceQuestion> = {
  type: 'single',
  initialResponse: () => undefined,
  texts(view) {
    const inline: string[] = [];
    for (const choice of view.choices) addText(inline, choice.text);
    return { block: [view.prompt], inline };
  },
};
