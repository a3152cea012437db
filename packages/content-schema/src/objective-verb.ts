import { closestMatches } from '@coursekit/issues';
import { z } from 'zod';
import { contentMeta } from './content-meta.js';

/** The six categories of the cognitive process dimension of Bloom's revised taxonomy. */
export const bloomCategories = ['remember', 'understand', 'apply', 'analyse', 'evaluate', 'create'] as const;
export type BloomCategory = (typeof bloomCategories)[number];

/**
 * Observable verbs by category of Bloom's revised taxonomy (Anderson & Krathwohl, 2001, Table 5.1: the
 * nineteen cognitive processes and their alternative names), plus the verbs coursekit accepted before,
 * each filed under the process it names. Category names that cannot be observed ("remember",
 * "understand") are left out on purpose. British and American spellings are both listed.
 * docs/objective-verbs.md in this package gives the source of every verb.
 */
export const bloomVerbs: Readonly<Record<BloomCategory, readonly string[]>> = {
  // Recognising (identifying), recalling (retrieving); list, define, locate: recalling, kept from before.
  remember: ['recognise', 'recognize', 'identify', 'recall', 'retrieve', 'list', 'define', 'locate'],
  // Interpreting, exemplifying, classifying, summarising, inferring, comparing, explaining, with their
  // alternative names; describe and outline (summarising) kept from before.
  understand: [
    'interpret',
    'clarify',
    'paraphrase',
    'represent',
    'translate',
    'exemplify',
    'illustrate',
    'classify',
    'categorise',
    'categorize',
    'summarise',
    'summarize',
    'generalise',
    'generalize',
    'infer',
    'conclude',
    'extrapolate',
    'interpolate',
    'predict',
    'compare',
    'contrast',
    'map',
    'match',
    'explain',
    'describe',
    'outline',
  ],
  // Executing (carrying out a procedure: calculate, compute), implementing (using); order kept from before.
  apply: ['apply', 'execute', 'implement', 'use', 'calculate', 'compute', 'order'],
  // Differentiating (discriminating, distinguishing, focusing, selecting), organising (integrating,
  // outlining, parsing, structuring), attributing (deconstructing).
  analyse: [
    'analyse',
    'analyze',
    'differentiate',
    'discriminate',
    'distinguish',
    'select',
    'organise',
    'organize',
    'integrate',
    'structure',
    'attribute',
    'deconstruct',
  ],
  // Checking (coordinating, detecting, monitoring, testing), critiquing (judging); assess, justify, argue
  // (critiquing: judging against criteria) kept from before.
  evaluate: [
    'evaluate',
    'check',
    'detect',
    'monitor',
    'test',
    'critique',
    'judge',
    'assess',
    'justify',
    'argue',
  ],
  // Generating (hypothesising), planning (designing), producing (constructing).
  create: ['create', 'generate', 'hypothesise', 'hypothesize', 'plan', 'design', 'produce', 'construct'],
};

/**
 * Verbs that name something a learner can be seen doing, so an objective can be checked: every verb of
 * `bloomVerbs`, in category order.
 */
export const observableVerbs: readonly string[] = bloomCategories.flatMap((category) => bloomVerbs[category]);

/** @deprecated The verb list is open now (`objectiveVerbs` in course.yaml); this is `string`. */
export type ObservableVerb = string;

// Verbs teachers often reach for that cannot be observed, with an observable one that usually fits.
const observableAlternatives: Record<string, string> = {
  understand: 'explain',
  know: 'identify',
  learn: 'describe',
  appreciate: 'explain',
  grasp: 'explain',
  realise: 'explain',
  realize: 'explain',
  discuss: 'argue',
  consider: 'evaluate',
  explore: 'describe',
  remember: 'recall',
  memorise: 'recall',
  memorize: 'recall',
};

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

/** The first word of an objective, as written. */
export function firstWord(text: string): string {
  return text.trim().split(/[^A-Za-z'-]+/)[0] ?? '';
}

function matchCase(word: string, like: string): string {
  return like[0] === like[0]?.toUpperCase() ? `${word[0]?.toUpperCase()}${word.slice(1)}` : word;
}

/** `true` when `text` starts with one of `verbs` (in either case), as a whole word. */
export function startsWithObservableVerb(text: string, verbs: readonly string[] = observableVerbs): boolean {
  const word = firstWord(text).toLowerCase();
  return word !== '' && verbs.some((verb) => verb.toLowerCase() === word);
}

/**
 * The verbs `verbs` would put first for an objective that starts with `word`: the observable verb for a
 * common unobservable one ("Understand" → explain), the verb itself for an inflected form ("Explaining" →
 * explain), or the closest spellings ("Analize" → analyse, analyze).
 */
export function suggestObjectiveVerbs(word: string, verbs: readonly string[] = observableVerbs): string[] {
  const lower = word.toLowerCase();
  if (lower === '') return [];
  const alternative = observableAlternatives[lower];
  if (alternative && verbs.includes(alternative)) return [alternative];
  const inflected = verbs.find((verb) => inflections(verb).includes(lower));
  if (inflected) return [inflected];
  return closestMatches(lower, verbs);
}

/** A better start for an objective that does not begin with an observable verb, when one is obvious. */
export function suggestObjectiveText(
  text: string,
  verbs: readonly string[] = observableVerbs,
): string | undefined {
  const word = firstWord(text);
  const [verb] = suggestObjectiveVerbs(word, verbs);
  if (!verb) return undefined;
  return `try "${matchCase(verb, word)}${text.trim().slice(word.length)}"`;
}

/**
 * The text of a learning objective. Any text is valid; whether it starts with an observable verb is a
 * warning of `validateCourse` (`lesson/objective-verb`), on the verbs the course's `objectiveVerbs` allows.
 */
export const objectiveTextSchema = z.string().min(1).register(contentMeta, { label: 'objective text' });
