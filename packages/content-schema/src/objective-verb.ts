import { z } from 'zod';
import { contentMeta } from './content-meta.js';

/**
 * Verbs that name something a learner can be seen doing, so an objective can be checked. Both British and
 * American spellings are accepted.
 */
export const observableVerbs = [
  'explain',
  'compare',
  'identify',
  'evaluate',
  'describe',
  'analyse',
  'analyze',
  'assess',
  'summarise',
  'summarize',
  'distinguish',
  'outline',
  'interpret',
  'apply',
  'list',
  'define',
  'locate',
  'order',
  'justify',
  'argue',
] as const;

export type ObservableVerb = (typeof observableVerbs)[number];

// Verbs teachers often reach for that cannot be observed, with an observable one that usually fits.
const observableAlternatives: Record<string, ObservableVerb> = {
  understand: 'explain',
  know: 'identify',
  learn: 'describe',
  appreciate: 'explain',
  grasp: 'explain',
  realise: 'explain',
  realize: 'explain',
  recognise: 'identify',
  recognize: 'identify',
  discuss: 'argue',
  consider: 'evaluate',
  explore: 'describe',
};

// No flags, so the JSON Schema `pattern` means the same: the first letter may be upper or lower case.
const objectivePattern = new RegExp(
  `^(?:${observableVerbs.map((verb) => `[${verb[0]?.toUpperCase()}${verb[0]}]${verb.slice(1)}`).join('|')})(?![A-Za-z])`,
);

function inflections(verb: string): string[] {
  const stem = verb.replace(/e$/, '');
  return [
    `${verb}s`,
    `${verb}es`,
    `${verb}d`,
    `${verb}ed`,
    `${verb}ing`,
    `${stem}ing`,
    verb.replace(/y$/, 'ies'),
  ];
}

function firstWord(text: string): string {
  return text.trim().split(/[^A-Za-z'-]+/)[0] ?? '';
}

function matchCase(word: string, like: string): string {
  return like[0] === like[0]?.toUpperCase() ? `${word[0]?.toUpperCase()}${word.slice(1)}` : word;
}

/** A better start for an objective that does not begin with an observable verb, when one is obvious. */
export function suggestObjectiveText(text: string): string | undefined {
  const word = firstWord(text);
  const lower = word.toLowerCase();
  const alternative =
    observableAlternatives[lower] ?? observableVerbs.find((verb) => inflections(verb).includes(lower));
  if (!alternative || word === '') return undefined;
  return `try "${matchCase(alternative, word)}${text.trim().slice(word.length)}"`;
}

/** The text of a learning objective: it starts with an observable verb such as "Explain" or "Compare". */
export const objectiveTextSchema = z
  .string()
  .min(1, { abort: true })
  .regex(objectivePattern, {
    error: (issue) => {
      const text = String(issue.input);
      return `objective text must start with an observable verb (${observableVerbs.join(', ')}); ${JSON.stringify(text)} starts with ${JSON.stringify(firstWord(text))}`;
    },
  })
  .register(contentMeta, {
    ruleId: 'lesson/objective-verb',
    note: (input) => (typeof input === 'string' ? suggestObjectiveText(input) : undefined),
  });
