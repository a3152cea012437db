// Right, wrong and partly right answers to a question, written twice: as a QTI player is answered (by
// identifier or typed text, per response variable) and as coursekit's `grade` takes them (opaque ids of
// one attempt's public view, found by their text).
import type { PublicQuestion, Question } from '@coursekit/quiz-engine';

/** How a QTI response variable is answered in the player. */
export type PlayerAnswer =
  | { kind: 'choose'; identifiers: string[] }
  | { kind: 'type'; text: string }
  | { kind: 'set'; value: string | string[] };

export interface Scenario {
  name: 'right' | 'wrong' | 'partly right' | 'written';
  player: Record<string, PlayerAnswer>;
  ours: (view: PublicQuestion) => unknown;
}

/** QTI identifiers of slugs that start with a digit get a leading underscore (see qtiIdentifier). */
function qti(slug: string): string {
  return /^[a-z]/i.test(slug) ? slug : `_${slug}`;
}

function idByText(items: readonly { id: string; text: string }[], text: string): string {
  const found = items.find((item) => item.text === text);
  if (!found) throw new Error(`no public item with text ${text}`);
  return found.id;
}

function rotate<T>(values: readonly T[], by = 1): T[] {
  return values.map((_, index) => values[(index + by) % values.length] as T);
}

export function scenariosFor(question: Question): Scenario[] {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const single = question.type === 'single';
      const right = question.choices.filter((choice) => (single ? choice.weight >= 1 : choice.weight > 0));
      const wrong = question.choices.filter((choice) => choice.weight <= 0);
      const partial = question.choices.filter((choice) => choice.weight > 0 && choice.weight < 1);
      const sets: [Scenario['name'], typeof right][] = [
        ['right', single ? right.slice(0, 1) : right],
        ['wrong', single ? wrong.slice(0, 1) : wrong],
      ];
      if (!single && wrong.length > 0)
        sets.push(['partly right', [...right.slice(0, 1), ...wrong.slice(0, 1)]]);
      if (single && partial.length > 0) sets.push(['partly right', partial.slice(0, 1)]);
      return sets.map(([name, picked]) => ({
        name,
        player: { RESPONSE: { kind: 'choose', identifiers: picked.map((choice) => qti(choice.id)) } },
        ours: (view) => {
          const choices = (view as Extract<PublicQuestion, { type: 'single' }>).choices;
          const ids = picked.map((choice) => idByText(choices, choice.text));
          return question.type === 'single' ? ids[0] : ids;
        },
      }));
    }
    case 'truefalse':
      return [
        { name: 'right', value: question.answer },
        { name: 'wrong', value: !question.answer },
      ].map(({ name, value }) => ({
        name: name as Scenario['name'],
        player: { RESPONSE: { kind: 'choose', identifiers: [String(value)] } },
        ours: () => value,
      }));
    case 'short': {
      // Upper case: both sides fold case.
      const best = question.accept.find((answer) => answer.weight >= 1) ?? question.accept[0];
      const texts: { name: Scenario['name']; text: string }[] = [
        { name: 'right', text: (best?.text ?? '').toUpperCase() },
        { name: 'wrong', text: 'not the answer' },
      ];
      const partial = question.accept.find((answer) => answer.weight > 0 && answer.weight < 1);
      if (partial) texts.push({ name: 'partly right', text: partial.text });
      // Not an accepted answer, but the pattern finds it: full credit from the pattern.
      const aside = `so ${best?.text ?? ''} here`;
      if (question.pattern !== undefined && new RegExp(question.pattern, 'iu').test(aside))
        texts.push({ name: 'right', text: aside });
      return texts.map(({ name, text }) => ({
        name: name as Scenario['name'],
        player: { RESPONSE: { kind: 'type', text } },
        ours: () => text,
      }));
    }
    case 'numeric': {
      const inside = (entry: (typeof question.answers)[number]) =>
        entry.min !== undefined && entry.max !== undefined
          ? (entry.min + entry.max) / 2
          : entry.answer + entry.tolerance / 2;
      const best = question.answers.find((entry) => entry.weight >= 1) ?? question.answers[0];
      const highest = Math.max(
        ...question.answers.map(
          (entry) => Math.max(entry.max ?? entry.answer, entry.answer) + entry.tolerance,
        ),
      );
      const values: { name: Scenario['name']; value: number }[] = [
        { name: 'right', value: best ? inside(best) : 0 },
        { name: 'wrong', value: highest + 1000 },
      ];
      const partial = question.answers.find((entry) => entry.weight > 0 && entry.weight < 1);
      if (partial) values.push({ name: 'partly right', value: inside(partial) });
      return values.map(({ name, value }) => ({
        name: name as Scenario['name'],
        player: { RESPONSE: { kind: 'type', text: String(value) } },
        ours: () => String(value),
      }));
    }
    case 'ordering': {
      const orders: [Scenario['name'], typeof question.items][] = [
        ['right', question.items],
        ['wrong', [...question.items].reverse()],
        [
          'partly right',
          [question.items[1], question.items[0], ...question.items.slice(2)] as typeof question.items,
        ],
      ];
      return orders.map(([name, items]) => ({
        name,
        player: { RESPONSE: { kind: 'set', value: items.map((item) => qti(item.id)) } },
        ours: (view) => {
          const shown = (view as Extract<PublicQuestion, { type: 'ordering' }>).items;
          return items.map((item) => idByText(shown, item.text));
        },
      }));
    }
    case 'matching': {
      const rights = question.pairs.map((pair) => pair.right);
      const answers: [Scenario['name'], string[]][] = [
        ['right', rights],
        ['wrong', rotate(rights)],
        ['partly right', [rights[0] as string, ...rotate(rights.slice(1))]],
      ];
      if (question.pairs.length < 3) answers.pop();
      return answers.map(([name, chosen]) => ({
        name,
        player: {
          RESPONSE: {
            kind: 'set',
            value: question.pairs.map((pair, index) => {
              const target = question.pairs.find((candidate) => candidate.right === chosen[index]);
              return `l-${pair.id} r-${target?.id}`;
            }),
          },
        },
        ours: (view) => {
          const { left, right } = view as Extract<PublicQuestion, { type: 'matching' }>;
          return Object.fromEntries(
            question.pairs.map((pair, index) => [
              idByText(left, pair.left),
              idByText(right, chosen[index] as string),
            ]),
          );
        },
      }));
    }
    case 'categorise': {
      const categoryIds = question.categories.map((category) => category.id);
      const shifted = (id: string) =>
        categoryIds[(categoryIds.indexOf(id) + 1) % categoryIds.length] as string;
      const answers: [Scenario['name'], string[]][] = [
        ['right', question.items.map((item) => item.category)],
        ['wrong', question.items.map((item) => shifted(item.category))],
      ];
      if (question.items.length > 1)
        answers.push([
          'partly right',
          question.items.map((item, index) => (index === 0 ? item.category : shifted(item.category))),
        ]);
      return answers.map(([name, chosen]) => ({
        name,
        player: {
          RESPONSE: {
            kind: 'set',
            value: question.items.map((item, index) => `i-${item.id} k-${chosen[index]}`),
          },
        },
        ours: (view) => {
          const { items, categories } = view as Extract<PublicQuestion, { type: 'categorise' }>;
          const labels = categories.map((category) => ({ id: category.id, text: category.label }));
          return Object.fromEntries(
            question.items.map((item, index) => {
              const label = question.categories.find((category) => category.id === chosen[index])
                ?.label as string;
              return [idByText(items, item.text), idByText(labels, label)];
            }),
          );
        },
      }));
    }
    case 'cloze': {
      type Fill = {
        player: PlayerAnswer;
        ours: (blank: Extract<PublicQuestion, { type: 'cloze' }>['blanks'][number]) => string;
      };
      const fill = (blank: (typeof question.blanks)[number], right: boolean): Fill => {
        if (blank.kind === 'choice') {
          const choice = blank.choices.find((candidate) =>
            right ? candidate.weight >= 1 : candidate.weight <= 0,
          ) as (typeof blank.choices)[number];
          return {
            player: { kind: 'set', value: qti(choice.id) },
            ours: (shown) =>
              idByText((shown as { choices: { id: string; text: string }[] }).choices, choice.text),
          };
        }
        const best = blank.accept.find((answer) => answer.weight >= 1) ?? blank.accept[0];
        const text = right ? (best?.text as string) : 'not the answer';
        return { player: { kind: 'type', text }, ours: () => text };
      };
      const plans: [Scenario['name'], boolean[]][] = [
        ['right', question.blanks.map(() => true)],
        ['wrong', question.blanks.map(() => false)],
      ];
      if (question.blanks.length > 1)
        plans.push(['partly right', question.blanks.map((_, index) => index === 0)]);
      return plans.map(([name, rights]) => {
        const fills = question.blanks.map((blank, index) => fill(blank, rights[index] as boolean));
        return {
          name,
          player: Object.fromEntries(
            question.blanks.map((blank, index) => [`RESPONSE-${blank.id}`, (fills[index] as Fill).player]),
          ),
          ours: (view) => {
            const { blanks } = view as Extract<PublicQuestion, { type: 'cloze' }>;
            return Object.fromEntries(
              blanks.map((blank, index) => [blank.id, (fills[index] as Fill).ours(blank)]),
            );
          },
        };
      });
    }
    case 'essay':
      return [
        {
          name: 'written',
          player: { RESPONSE: { kind: 'type', text: 'An answer for the teacher to mark.' } },
          ours: () => 'An answer for the teacher to mark.',
        },
      ];
  }
}
