import { normaliseAnswer, type PublicQuestion } from '@coursekit/quiz-engine';

const MAX_LABEL_LENGTH = 200;

function clip(text: string): string {
  return text.length > MAX_LABEL_LENGTH ? `${text.slice(0, MAX_LABEL_LENGTH - 1)}…` : text;
}

function textOf(items: readonly { id: string; text: string }[], id: unknown): string {
  return items.find((item) => item.id === id)?.text ?? '?';
}

function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
}

/**
 * A short, readable form of a graded response, for the teacher's item analysis: the same answer always
 * reads the same, whatever the attempt's shuffle (opaque ids are turned back into the texts shown).
 * Free text is normalised (case, accents, punctuation) so that variants of one wrong answer group
 * together. Null for essays and for responses that were not given.
 */
export function describeResponse(question: PublicQuestion, response: unknown): string | null {
  if (response === undefined || response === null) return null;
  switch (question.type) {
    case 'single':
      return clip(textOf(question.choices, response));
    case 'multiple': {
      const picked = Array.isArray(response) ? response.map((id) => textOf(question.choices, id)).sort() : [];
      return clip(picked.length > 0 ? picked.join(' + ') : '(nothing picked)');
    }
    case 'truefalse':
      return response === true ? 'True' : response === false ? 'False' : null;
    case 'short':
      return typeof response === 'string' ? clip(normaliseAnswer(response)) : null;
    case 'numeric':
      return typeof response === 'number' ? String(response) : null;
    case 'ordering':
      return Array.isArray(response)
        ? clip(response.map((id) => textOf(question.items, id)).join(' → '))
        : null;
    case 'matching':
      return clip(
        entriesOf(response)
          .map(([left, right]) => `${textOf(question.left, left)} → ${textOf(question.right, right)}`)
          .sort()
          .join('; '),
      );
    case 'categorise':
      return clip(
        entriesOf(response)
          .map(([item, category]) => {
            const label = question.categories.find((c) => c.id === category)?.label ?? '?';
            return `${textOf(question.items, item)}: ${label}`;
          })
          .sort()
          .join('; '),
      );
    case 'cloze': {
      const answers = entriesOf(response);
      const parts = question.blanks.map((blank) => {
        const given = answers.find(([id]) => id === blank.id)?.[1];
        if (given === undefined) return '—';
        return blank.kind === 'choice' ? textOf(blank.choices, given) : normaliseAnswer(String(given));
      });
      return clip(parts.join(' | '));
    }
    case 'essay':
      return null;
  }
}
