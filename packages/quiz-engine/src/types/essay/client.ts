import type { ClientQuestionType } from '../../client.js';
import { addText } from '../describe.js';
import type { PublicEssayQuestion } from './essay.js';
import { ESSAY_NEEDS_HUMAN } from './marking.js';

/** What a browser needs of this type: its starting response and the texts it shows, and that a teacher marks it. */
export const essayClient: ClientQuestionType<PublicEssayQuestion> = {
  type: 'essay',
  initialResponse: () => undefined,
  needsHuman: ESSAY_NEEDS_HUMAN,
  texts(view) {
    const inline: string[] = [];
    for (const criterion of view.rubric) addText(inline, criterion.criterion);
    return { block: [view.prompt], inline };
  },
};
