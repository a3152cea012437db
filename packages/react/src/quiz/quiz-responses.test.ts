import { type PublicQuiz, parseQuiz, toPublicQuiz, validateResponses } from '@coursekit/quiz-engine';
import { describe, expect, it } from 'vitest';
import { countWords, initialResponse, isAnswered, moveItem, responsesToSend } from './quiz-responses.js';

const quiz = parseQuiz({
  id: 'sample',
  title: 'Sample',
  questions: [
    { id: 'pick', type: 'single', prompt: 'Pick', choices: [{ text: 'a', correct: true }, { text: 'b' }] },
    { id: 'all', type: 'multiple', prompt: 'All', choices: [{ text: 'a', correct: true }, { text: 'b' }] },
    { id: 'order', type: 'ordering', prompt: 'Order', items: ['first', 'second', 'third'] },
    { id: 'term', type: 'short', prompt: 'Term', accept: ['equidistance'] },
    {
      id: 'sort',
      type: 'categorise',
      prompt: 'Sort',
      categories: [
        { id: 'moscow', label: 'Moscow' },
        { id: 'pyongyang', label: 'Pyongyang' },
      ],
      items: [
        { text: 'x', category: 'moscow' },
        { text: 'y', category: 'pyongyang' },
      ],
    },
  ],
});
const shown: PublicQuiz = toPublicQuiz(quiz, { seed: 'test' });
const byId = (id: string) => shown.questions.find((q) => q.id === id) as PublicQuiz['questions'][number];

describe('responsesToSend', () => {
  it('leaves out what was not answered and sends the ordering as shown', () => {
    const drafts = Object.fromEntries(shown.questions.map((q) => [q.id, initialResponse(q)]));
    const responses = responsesToSend(shown.questions, drafts);
    expect(Object.keys(responses)).toEqual(['order']);
    expect(validateResponses(shown, responses).ok).toBe(true);
  });

  it('sends answers in the shapes the engine accepts, without empty fields', () => {
    const pick = byId('pick');
    const sort = byId('sort');
    if (pick.type !== 'single' || sort.type !== 'categorise') throw new Error('fixture');
    const [firstItem, secondItem] = sort.items;
    const drafts = {
      pick: pick.choices[0]?.id,
      all: [],
      term: '  equidistance ',
      sort: { [firstItem?.id ?? '']: sort.categories[0]?.id ?? '', [secondItem?.id ?? '']: '' },
    };
    const responses = responsesToSend(shown.questions, drafts);
    expect(Object.keys(responses).sort()).toEqual(['pick', 'sort', 'term']);
    expect(responses.sort).toEqual({ [firstItem?.id ?? '']: sort.categories[0]?.id });
    expect(validateResponses(shown, responses).ok).toBe(true);
  });
});

describe('isAnswered', () => {
  it('treats blank text and empty selections as unanswered', () => {
    expect(isAnswered(byId('term'), '   ')).toBe(false);
    expect(isAnswered(byId('all'), [])).toBe(false);
    expect(isAnswered(byId('pick'), false)).toBe(true);
  });
});

describe('moveItem', () => {
  it('moves an item and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('countWords', () => {
  it('counts words with apostrophes and hyphens as one', () => {
    expect(countWords("Moscow's mid-1990s equidistance,  in 3 words?")).toBe(6);
    expect(countWords('   ')).toBe(0);
  });
});
