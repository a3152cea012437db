// Only the package's public, normalised types: how quiz-engine lays out its internals is not this module's concern.
import type {
  AcceptedAnswer,
  Choice,
  ClozeQuestion,
  EssayQuestion,
  MatchingQuestion,
  MultipleResponseQuestion,
  NumericQuestion,
  OrderingQuestion,
  Question,
  ShortAnswerQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from '../index.js';
import { blankResponseIdentifier, itemIdentifier, qtiIdentifier } from './identifiers.js';
import {
  anywherePattern,
  isAnswered,
  isNull,
  type MapEntry,
  mappedScore,
  mapping,
  responseCondition,
  setScore,
  setScoreTo,
} from './response-processing.js';
import type { WarningSink } from './warnings.js';
import {
  appendXhtml,
  baseValue,
  qtiDocument,
  qtiNumber,
  serialise,
  setOutcome,
  variable,
  type XMLBuilder,
} from './xml.js';

export interface QtiTextOptions {
  /**
   * Markdown (prompts, choices, explanations) → an XHTML fragment. Without it, text is written as plain
   * paragraphs; `@coursekit/mdx` passes one that renders Markdown and the course's citations.
   */
  renderMarkdown?: ((markdown: string) => string) | undefined;
}

export interface QtiItemContext extends QtiTextOptions {
  quizId: string;
  /** Where the question sits in the authored quiz, for warnings. */
  path: (string | number)[];
  shuffleChoices: boolean;
  warn: WarningSink;
}

/** What one question type contributes to its item, in the order QTI wants the parts. */
interface ItemParts {
  responses(item: XMLBuilder): void;
  /** Outcome variables beyond SCORE and MAXSCORE. */
  outcomes?(item: XMLBuilder): void;
  body(body: XMLBuilder): void;
  /** Absent for hand-scored items. */
  processing?(processing: XMLBuilder): void;
  /** SCORE is set by a person (essays). */
  humanScored?: boolean;
  /** Per-answer feedback: shown when `when` holds for the response. */
  feedback?: FeedbackRule[];
}

interface FeedbackRule {
  identifier: string;
  markdown: string;
  /** Adds the condition (one boolean expression) to `at`; without one the feedback is always shown. */
  when?: (at: XMLBuilder) => void;
}

function pickedChoice(response: string, identifier: string, multiple: boolean) {
  return (at: XMLBuilder) => {
    if (multiple) {
      const member = at.ele('qti-member');
      baseValue(member, 'identifier', identifier);
      variable(member, response);
    } else {
      const match = at.ele('qti-match');
      variable(match, response);
      baseValue(match, 'identifier', identifier);
    }
  };
}

function typedAnswer(response: string, text: string) {
  return (at: XMLBuilder) => {
    const match = at.ele('qti-string-match', { 'case-sensitive': 'false' });
    variable(match, response);
    baseValue(match, 'string', text);
  };
}

function choiceFeedback(
  choices: readonly Choice[],
  response: string,
  multiple: boolean,
  prefix = '',
): FeedbackRule[] {
  return choices.flatMap((choice) =>
    choice.feedback === undefined
      ? []
      : [
          {
            identifier: `feedback-${prefix}${choice.id}`,
            markdown: choice.feedback,
            when: pickedChoice(response, qtiIdentifier(choice.id), multiple),
          },
        ],
  );
}

function answerFeedback(
  accept: readonly { text: string; feedback?: string }[],
  response: string,
  prefix = '',
): FeedbackRule[] {
  return accept.flatMap((answer, index) =>
    answer.feedback === undefined
      ? []
      : [
          {
            identifier: `feedback-${prefix}answer-${index + 1}`,
            markdown: answer.feedback,
            when: typedAnswer(response, answer.text),
          },
        ],
  );
}

function block(parent: XMLBuilder, markdown: string, context: QtiTextOptions): void {
  if (context.renderMarkdown) {
    appendXhtml(parent, context.renderMarkdown(markdown));
    return;
  }
  for (const paragraph of markdown.split(/\n[ \t]*\n/)) {
    if (paragraph.trim() !== '') parent.ele('p').txt(paragraph.trim());
  }
}

/** Choice labels are one line: rendered Markdown without its paragraph wrapper. */
function inline(parent: XMLBuilder, markdown: string, context: QtiTextOptions): void {
  if (!context.renderMarkdown) {
    parent.txt(markdown);
    return;
  }
  const html = context.renderMarkdown(markdown).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  appendXhtml(parent, single && !single[1]?.includes('<p>') ? (single[1] as string) : html);
}

function responseDeclaration(
  item: XMLBuilder,
  identifier: string,
  cardinality: 'single' | 'multiple' | 'ordered',
  baseType: string,
  correct: readonly string[],
): XMLBuilder {
  const declaration = item.ele('qti-response-declaration', {
    identifier,
    cardinality,
    'base-type': baseType,
  });
  if (correct.length > 0) {
    const values = declaration.ele('qti-correct-response');
    for (const value of correct) values.ele('qti-value').txt(value);
  }
  return declaration;
}

function outcomeDeclaration(
  item: XMLBuilder,
  identifier: string,
  baseType: 'float' | 'integer',
  defaultValue: number,
  extra: Record<string, string> = {},
): void {
  item
    .ele('qti-outcome-declaration', { identifier, cardinality: 'single', 'base-type': baseType, ...extra })
    .ele('qti-default-value')
    .ele('qti-value')
    .txt(qtiNumber(defaultValue));
}

function prompt(body: XMLBuilder, question: Question, context: QtiItemContext): void {
  if (question.prompt !== '') block(body.ele('div', { class: 'prompt' }), question.prompt, context);
}

function choiceParts(
  question: SingleChoiceQuestion | MultipleResponseQuestion,
  context: QtiItemContext,
): ItemParts {
  const single = question.type === 'single';
  // Each choice maps to its weight × points (a wrong pick's penalty is a negative weight), the sum bounded
  // to 0..points: the same sum `grade` computes.
  const pointsFor = (choice: Choice) => choice.weight * question.points;
  return {
    responses(item) {
      const declaration = responseDeclaration(
        item,
        'RESPONSE',
        single ? 'single' : 'multiple',
        'identifier',
        question.choices
          .filter((choice) => (single ? choice.weight >= 1 : choice.weight > 0))
          .slice(0, single ? 1 : undefined)
          .map((choice) => qtiIdentifier(choice.id)),
      );
      mapping(
        declaration,
        question.choices.map((choice) => ({ key: qtiIdentifier(choice.id), value: pointsFor(choice) })),
        { lower: 0, upper: question.points },
      );
    },
    body(body) {
      prompt(body, question, context);
      const interaction = body.ele('qti-choice-interaction', {
        'response-identifier': 'RESPONSE',
        'max-choices': single ? '1' : String(question.choices.length),
        'min-choices': '0',
        shuffle: String(context.shuffleChoices),
      });
      for (const choice of question.choices) {
        inline(
          interaction.ele('qti-simple-choice', { identifier: qtiIdentifier(choice.id) }),
          choice.text,
          context,
        );
      }
    },
    processing: (processing) => mappedScore(processing),
    feedback: choiceFeedback(question.choices, 'RESPONSE', !single),
  };
}

function trueFalseParts(question: TrueFalseQuestion, context: QtiItemContext): ItemParts {
  const choices = [
    { id: 'true', text: 'True', value: question.answer },
    { id: 'false', text: 'False', value: !question.answer },
  ];
  return {
    responses(item) {
      const declaration = responseDeclaration(item, 'RESPONSE', 'single', 'identifier', [
        String(question.answer),
      ]);
      mapping(
        declaration,
        choices.map((choice) => ({ key: choice.id, value: choice.value ? question.points : 0 })),
        { lower: 0, upper: question.points },
      );
    },
    body(body) {
      prompt(body, question, context);
      const interaction = body.ele('qti-choice-interaction', {
        'response-identifier': 'RESPONSE',
        'max-choices': '1',
        'min-choices': '0',
        shuffle: 'false',
      });
      for (const choice of choices)
        interaction.ele('qti-simple-choice', { identifier: choice.id }).txt(choice.text);
    },
    processing: (processing) => mappedScore(processing),
  };
}

/**
 * Typed answers: `qti-map-entry case-sensitive="false"` per accepted answer (so a weighted answer is a
 * different mapped value), tried after the pattern. QTI folds case only; coursekit also folds accents,
 * punctuation and spacing, which the export reports.
 */
function typedAnswerEntries(accept: readonly AcceptedAnswer[], points: number): MapEntry[] {
  return accept.map((answer) => ({ key: answer.text, value: answer.weight * points, caseSensitive: false }));
}

/** The answer shown as correct: the first one that earns full credit. */
function bestAnswer(accept: readonly AcceptedAnswer[]): string | undefined {
  return (accept.find((answer) => answer.weight >= 1) ?? accept[0])?.text;
}

/** The typed text equals one of the accepted answers, ignoring case (the mapping's own lookup). */
function anyAccepted(response: string, accept: readonly AcceptedAnswer[]) {
  return (at: XMLBuilder) => {
    const any = at.ele('qti-or');
    for (const answer of accept) typedAnswer(response, answer.text)(any);
  };
}

function warnTypedAnswers(context: QtiItemContext, path: (string | number)[], pattern: string | undefined) {
  context.warn(
    [...path, 'accept'],
    'QTI compares typed answers ignoring case only; coursekit also ignores accents, punctuation and extra spaces, so an answer that differs from an accepted one only in those scores 0 in the LMS',
    'qti/answer-folding',
  );
  if (pattern !== undefined) {
    context.warn(
      [...path, 'pattern'],
      'the pattern is exported as an XML Schema regular expression, matched case-sensitively; check that it still means the same',
      'qti/pattern',
    );
  }
}

function shortParts(question: ShortAnswerQuestion, context: QtiItemContext): ItemParts {
  warnTypedAnswers(context, context.path, question.pattern);
  return {
    responses(item) {
      const best = bestAnswer(question.accept);
      const declaration = responseDeclaration(item, 'RESPONSE', 'single', 'string', best ? [best] : []);
      mapping(declaration, typedAnswerEntries(question.accept, question.points), {
        lower: 0,
        upper: question.points,
      });
    },
    body(body) {
      prompt(body, question, context);
      body
        .ele('div')
        .ele('qti-text-entry-interaction', { 'response-identifier': 'RESPONSE', 'expected-length': '30' });
    },
    processing(processing) {
      const { pattern } = question;
      const mapped = (at: XMLBuilder) =>
        setScore(at, (value) => value.ele('qti-map-response', { identifier: 'RESPONSE' }));
      // As `grade`: an accepted answer gives its weight; only when none matches does the pattern count.
      responseCondition(
        processing,
        pattern === undefined
          ? [{ when: isNull('RESPONSE'), apply: (at) => setScoreTo(at, 0) }, { apply: mapped }]
          : [
              { when: isNull('RESPONSE'), apply: (at) => setScoreTo(at, 0) },
              { when: anyAccepted('RESPONSE', question.accept), apply: mapped },
              { when: patternMatch('RESPONSE', pattern), apply: (at) => setScoreTo(at, question.points) },
              { apply: (at) => setScoreTo(at, 0) },
            ],
      );
    },
    feedback: answerFeedback(question.accept, 'RESPONSE'),
  };
}

/** The typed text matches `pattern` somewhere (as JavaScript's `RegExp.test` finds it). */
function patternMatch(response: string, pattern: string) {
  return (at: XMLBuilder) =>
    variable(at.ele('qti-pattern-match', { pattern: anywherePattern(pattern) }), response);
}

type NumericAnswer = NumericQuestion['answers'][number];

/** The response matches one numeric answer: within its range, or within answer ± tolerance. */
function numericMatch(entry: NumericAnswer) {
  return (at: XMLBuilder) => {
    if (entry.min !== undefined && entry.max !== undefined) {
      const both = at.ele('qti-and');
      const above = both.ele('qti-gte');
      variable(above, 'RESPONSE');
      baseValue(above, 'float', qtiNumber(entry.min));
      const below = both.ele('qti-lte');
      variable(below, 'RESPONSE');
      baseValue(below, 'float', qtiNumber(entry.max));
      return;
    }
    const equal = at.ele(
      'qti-equal',
      entry.tolerance > 0
        ? { 'tolerance-mode': 'absolute', tolerance: qtiNumber(entry.tolerance) }
        : { 'tolerance-mode': 'exact' },
    );
    variable(equal, 'RESPONSE');
    baseValue(equal, 'float', qtiNumber(entry.answer));
  };
}

/** The first answer that matches gives its weight, as in `grade`: one else-if branch per answer, in order. */
function numericParts(question: NumericQuestion, context: QtiItemContext): ItemParts {
  const { answers } = question;
  return {
    responses(item) {
      const best = answers.find((entry) => entry.weight >= 1) ?? answers[0];
      responseDeclaration(item, 'RESPONSE', 'single', 'float', best ? [qtiNumber(best.answer)] : []);
    },
    body(body) {
      prompt(body, question, context);
      body
        .ele('div')
        .ele('qti-text-entry-interaction', { 'response-identifier': 'RESPONSE', 'expected-length': '15' });
    },
    processing(processing) {
      responseCondition(processing, [
        { when: isNull('RESPONSE'), apply: (at) => setScoreTo(at, 0) },
        ...answers.map((entry) => ({
          when: numericMatch(entry),
          apply: (at: XMLBuilder) => setScoreTo(at, entry.weight * question.points),
        })),
        { apply: (at) => setScoreTo(at, 0) },
      ]);
    },
    // An answer's feedback shows when it is the first that matches.
    feedback: answers.flatMap((entry, index) =>
      entry.feedback === undefined
        ? []
        : [
            {
              identifier: `feedback-answer-${index + 1}`,
              markdown: entry.feedback,
              when: (at: XMLBuilder) => {
                const both = at.ele('qti-and');
                numericMatch(entry)(both);
                for (const earlier of answers.slice(0, index)) numericMatch(earlier)(both.ele('qti-not'));
              },
            },
          ],
    ),
  };
}

/**
 * SCORE = points × count ÷ parts, set once: players may round an outcome each time it is set (the
 * qti-components player keeps three decimals), so credit is counted first and turned into points last.
 */
function setScoreFromCount(
  processing: XMLBuilder,
  points: number,
  count: (at: XMLBuilder) => void,
  parts: number,
): void {
  setScore(processing, (at) => {
    const divide = at.ele('qti-divide');
    const product = divide.ele('qti-product');
    baseValue(product, 'float', qtiNumber(points));
    count(product);
    baseValue(divide, 'float', qtiNumber(parts));
  });
}

/** The whole response equals the declared correct response: all-or-nothing scoring. */
function matchesCorrect(at: XMLBuilder): void {
  const match = at.ele('qti-match');
  variable(match, 'RESPONSE');
  match.ele('qti-correct', { identifier: 'RESPONSE' });
}

function allOrNothing(processing: XMLBuilder, points: number): void {
  responseCondition(processing, [
    { when: isNull('RESPONSE'), apply: (at) => setScoreTo(at, 0) },
    { when: matchesCorrect, apply: (at) => setScoreTo(at, points) },
    { apply: (at) => setScoreTo(at, 0) },
  ]);
}

/**
 * Ordering as Moodle scores it. `longest-subset` (the default) credits the longest run of items in the right
 * relative order, over the item count (none for a run below 2); no QTI operator computes that, so the rules
 * do, unrolled for this item count: `POS-i` is the right place of the item put at place i, `RUN-i` the
 * longest increasing run ending there. `absolute-position` credits each item in its place;
 * `all-or-nothing` only the whole order.
 */
function orderingParts(question: OrderingQuestion, context: QtiItemContext): ItemParts {
  const count = question.items.length;
  const places = Array.from({ length: count }, (_, index) => index + 1);
  return {
    responses(item) {
      responseDeclaration(
        item,
        'RESPONSE',
        'ordered',
        'identifier',
        question.items.map((entry) => qtiIdentifier(entry.id)),
      );
    },
    outcomes(item) {
      if (question.scoring === 'absolute-position') outcomeDeclaration(item, 'IN-PLACE', 'integer', 0);
      if (question.scoring !== 'longest-subset') return;
      for (const place of places) outcomeDeclaration(item, `POS-${place}`, 'integer', 0);
      for (const place of places) outcomeDeclaration(item, `RUN-${place}`, 'integer', 0);
      outcomeDeclaration(item, 'RUN', 'integer', 0);
    },
    body(body) {
      const interaction = body.ele('qti-order-interaction', {
        'response-identifier': 'RESPONSE',
        shuffle: 'true',
      });
      if (question.prompt !== '') block(interaction.ele('qti-prompt'), question.prompt, context);
      for (const entry of question.items) {
        inline(
          interaction.ele('qti-simple-choice', { identifier: qtiIdentifier(entry.id) }),
          entry.text,
          context,
        );
      }
    },
    processing(processing) {
      if (question.scoring === 'all-or-nothing') {
        allOrNothing(processing, question.points);
        return;
      }
      if (question.scoring === 'absolute-position') {
        // A share for each item at its own place.
        question.items.forEach((entry, index) => {
          const when = processing.ele('qti-response-condition').ele('qti-response-if');
          const match = when.ele('qti-match');
          variable(match.ele('qti-index', { n: String(index + 1) }), 'RESPONSE');
          baseValue(match, 'identifier', qtiIdentifier(entry.id));
          setOutcome(when, 'IN-PLACE', (at) => {
            const sum = at.ele('qti-sum');
            variable(sum, 'IN-PLACE');
            baseValue(sum, 'integer', 1);
          });
        });
        setScoreFromCount(
          processing,
          question.points,
          (at) => variable(at.ele('qti-integer-to-float'), 'IN-PLACE'),
          count,
        );
        return;
      }
      // longest-subset. Unanswered, every POS stays 0 and every RUN 1, which scores 0.
      for (const place of places) {
        question.items.forEach((entry, index) => {
          const when = processing.ele('qti-response-condition').ele('qti-response-if');
          const match = when.ele('qti-match');
          variable(match.ele('qti-index', { n: String(place) }), 'RESPONSE');
          baseValue(match, 'identifier', qtiIdentifier(entry.id));
          setOutcome(when, `POS-${place}`, (at) => baseValue(at, 'integer', index + 1));
        });
      }
      for (const place of places) {
        setOutcome(processing, `RUN-${place}`, (at) => baseValue(at, 'integer', 1));
        for (const before of places.slice(0, place - 1)) {
          const when = processing.ele('qti-response-condition').ele('qti-response-if');
          const both = when.ele('qti-and');
          const lower = both.ele('qti-lt');
          variable(lower, `POS-${before}`);
          variable(lower, `POS-${place}`);
          const longer = both.ele('qti-gte');
          variable(longer, `RUN-${before}`);
          variable(longer, `RUN-${place}`);
          setOutcome(when, `RUN-${place}`, (at) => {
            const sum = at.ele('qti-sum');
            variable(sum, `RUN-${before}`);
            baseValue(sum, 'integer', 1);
          });
        }
      }
      setOutcome(processing, 'RUN', (at) => {
        const max = at.ele('qti-max');
        for (const place of places) variable(max, `RUN-${place}`);
      });
      responseCondition(processing, [
        {
          when: (at) => {
            const below = at.ele('qti-lt');
            variable(below, 'RUN');
            baseValue(below, 'integer', 2);
          },
          apply: (at) => setScoreTo(at, 0),
        },
        {
          apply: (at) =>
            setScoreFromCount(
              at,
              question.points,
              (value) => variable(value.ele('qti-integer-to-float'), 'RUN'),
              count,
            ),
        },
      ]);
    },
  };
}

/** Matching and categorise are both `{ key → value }` responses: a match interaction of directed pairs. */
function pairsParts(
  question: Question,
  context: QtiItemContext,
  sources: { id: string; text: string }[],
  targets: { id: string; text: string }[],
  correct: [source: string, target: string][],
  scoring: 'per-item' | 'all-or-nothing',
): ItemParts {
  const share = question.points / correct.length;
  return {
    responses(item) {
      const declaration = responseDeclaration(
        item,
        'RESPONSE',
        'multiple',
        'directedPair',
        correct.map(([source, target]) => `${source} ${target}`),
      );
      mapping(
        declaration,
        correct.map(([source, target]) => ({ key: `${source} ${target}`, value: share })),
        { lower: 0, upper: question.points },
      );
    },
    body(body) {
      const interaction = body.ele('qti-match-interaction', {
        'response-identifier': 'RESPONSE',
        'max-associations': String(sources.length),
        shuffle: String(context.shuffleChoices),
      });
      if (question.prompt !== '') block(interaction.ele('qti-prompt'), question.prompt, context);
      const sourceSet = interaction.ele('qti-simple-match-set');
      for (const source of sources) {
        inline(
          sourceSet.ele('qti-simple-associable-choice', {
            identifier: source.id,
            'match-max': '1',
          }),
          source.text,
          context,
        );
      }
      const targetSet = interaction.ele('qti-simple-match-set');
      for (const target of targets) {
        inline(
          targetSet.ele('qti-simple-associable-choice', { identifier: target.id, 'match-max': '0' }),
          target.text,
          context,
        );
      }
    },
    processing: (processing) =>
      scoring === 'all-or-nothing' ? allOrNothing(processing, question.points) : mappedScore(processing),
  };
}

function matchingParts(question: MatchingQuestion, context: QtiItemContext): ItemParts {
  const sources = question.pairs.map((pair) => ({ id: `l-${pair.id}`, text: pair.left }));
  const targets = [
    ...question.pairs.map((pair) => ({ id: `r-${pair.id}`, text: pair.right })),
    ...question.distractors.map((text, index) => ({ id: `d-${index + 1}`, text })),
  ];
  const correct = question.pairs.map((pair): [string, string] => [`l-${pair.id}`, `r-${pair.id}`]);
  return pairsParts(question, context, sources, targets, correct, question.scoring);
}

function categoriseParts(question: Question & { type: 'categorise' }, context: QtiItemContext): ItemParts {
  const sources = question.items.map((entry) => ({ id: `i-${entry.id}`, text: entry.text }));
  const targets = question.categories.map((category) => ({ id: `k-${category.id}`, text: category.label }));
  const correct = question.items.map((entry): [string, string] => [`i-${entry.id}`, `k-${entry.category}`]);
  return pairsParts(question, context, sources, targets, correct, question.scoring);
}

const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

/** Each blank is its own response; each earns points ÷ blanks through its mapping, added up in SCORE. */
function clozeParts(question: ClozeQuestion, context: QtiItemContext): ItemParts {
  // Mappings give each blank's credit as a share of one blank (its weight); SCORE is computed once at the end.
  const credit = (blankId: string) => `CREDIT-${blankId}`;
  question.blanks.forEach((blank) => {
    if (blank.kind === 'text')
      warnTypedAnswers(context, [...context.path, 'blanks', blank.id], blank.pattern);
  });
  return {
    responses(item) {
      for (const blank of question.blanks) {
        const identifier = blankResponseIdentifier(blank.id);
        if (blank.kind === 'choice') {
          const right = blank.choices
            .filter((choice) => choice.weight >= 1)
            .slice(0, 1)
            .map((choice) => qtiIdentifier(choice.id));
          const declaration = responseDeclaration(item, identifier, 'single', 'identifier', right);
          mapping(
            declaration,
            blank.choices.map((choice) => ({
              key: qtiIdentifier(choice.id),
              value: choice.weight,
            })),
            { lower: 0, upper: 1 },
          );
        } else {
          const best = bestAnswer(blank.accept);
          const declaration = responseDeclaration(item, identifier, 'single', 'string', best ? [best] : []);
          mapping(declaration, typedAnswerEntries(blank.accept, 1), { lower: 0, upper: 1 });
        }
      }
    },
    body(body) {
      prompt(body, question, context);
      // The passage is written as text around the blanks: Markdown cut at a blank cannot be rendered alone.
      const passage = body.ele('p', { class: 'cloze' });
      let last = 0;
      for (const match of question.text.matchAll(PLACEHOLDER)) {
        if (match.index > last) passage.txt(question.text.slice(last, match.index));
        last = match.index + match[0].length;
        const blank = question.blanks.find((candidate) => candidate.id === match[1]);
        if (blank === undefined) continue;
        const identifier = blankResponseIdentifier(blank.id);
        if (blank.kind === 'choice') {
          const interaction = passage.ele('qti-inline-choice-interaction', {
            'response-identifier': identifier,
            shuffle: String(context.shuffleChoices),
          });
          for (const choice of blank.choices)
            interaction.ele('qti-inline-choice', { identifier: qtiIdentifier(choice.id) }).txt(choice.text);
        } else {
          passage.ele('qti-text-entry-interaction', {
            'response-identifier': identifier,
            'expected-length': '15',
          });
        }
      }
      if (last < question.text.length) passage.txt(question.text.slice(last));
    },
    processing(processing) {
      for (const blank of question.blanks) {
        const identifier = blankResponseIdentifier(blank.id);
        const mapped = (at: XMLBuilder) =>
          setOutcome(at, credit(blank.id), (value) => value.ele('qti-map-response', { identifier }));
        // As for short answers: an accepted answer gives its weight, the pattern only when none matches.
        responseCondition(
          processing,
          blank.kind === 'text' && blank.pattern !== undefined
            ? [
                { when: anyAccepted(identifier, blank.accept), apply: mapped },
                {
                  when: patternMatch(identifier, blank.pattern),
                  apply: (at) => setOutcome(at, credit(blank.id), (value) => baseValue(value, 'float', 1)),
                },
              ]
            : [{ when: isAnswered(identifier), apply: mapped }],
        );
      }
      setScoreFromCount(
        processing,
        question.points,
        (at) => {
          const sum = at.ele('qti-sum');
          for (const blank of question.blanks) variable(sum, credit(blank.id));
        },
        question.blanks.length,
      );
    },
    outcomes(item) {
      for (const blank of question.blanks) outcomeDeclaration(item, credit(blank.id), 'float', 0);
    },
    feedback: question.blanks.flatMap((blank) =>
      blank.kind === 'choice'
        ? choiceFeedback(blank.choices, blankResponseIdentifier(blank.id), false, `${blank.id}-`)
        : answerFeedback(blank.accept, blankResponseIdentifier(blank.id), `${blank.id}-`),
    ),
  };
}

function essayParts(question: EssayQuestion, context: QtiItemContext): ItemParts {
  context.warn(
    context.path,
    'essays are scored by hand: the item declares SCORE as human-scored and the rubric and guidance go in a scorer-only rubric block',
    'qti/human-scored',
  );
  return {
    humanScored: true,
    responses(item) {
      responseDeclaration(item, 'RESPONSE', 'single', 'string', []);
    },
    body(body) {
      if (question.rubric.length > 0 || question.guidance !== undefined) {
        const rubric = body
          .ele('qti-rubric-block', { use: 'scoring', view: 'scorer' })
          .ele('qti-content-body');
        if (question.rubric.length > 0) {
          const list = rubric.ele('ul');
          for (const criterion of question.rubric)
            list.ele('li').txt(`${criterion.criterion} (${qtiNumber(criterion.points)} points)`);
        }
        if (question.guidance !== undefined) block(rubric, question.guidance, context);
      }
      prompt(body, question, context);
      const attributes: Record<string, string> = { 'response-identifier': 'RESPONSE', format: 'plain' };
      if (question.maxWords !== undefined) attributes['expected-length'] = String(question.maxWords * 6);
      body.ele('qti-extended-text-interaction', attributes);
    },
  };
}

function partsOf(question: Question, context: QtiItemContext): ItemParts {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return choiceParts(question, context);
    case 'truefalse':
      return trueFalseParts(question, context);
    case 'short':
      return shortParts(question, context);
    case 'numeric':
      return numericParts(question, context);
    case 'ordering':
      return orderingParts(question, context);
    case 'matching':
      return matchingParts(question, context);
    case 'categorise':
      return categoriseParts(question, context);
    case 'cloze':
      return clozeParts(question, context);
    case 'essay':
      return essayParts(question, context);
  }
}

function titleOf(question: Question): string {
  const text = (question.type === 'cloze' && question.prompt === '' ? question.text : question.prompt)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || question.id;
}

/** One question as a `qti-assessment-item` document. */
export function qtiItem(question: Question, context: QtiItemContext): string {
  const parts = partsOf(question, context);
  if (question.hints.length > 0) {
    context.warn(
      [...context.path, 'hints'],
      'hints are left out: QTI 3 reveals hints only through adaptive items, which LMS importers do not run',
      'qti/hints',
    );
  }
  const item = qtiDocument('qti-assessment-item', {
    identifier: itemIdentifier(context.quizId, question.id),
    title: titleOf(question),
    adaptive: 'false',
    'time-dependent': 'false',
  });
  parts.responses(item);
  outcomeDeclaration(item, 'SCORE', 'float', 0, parts.humanScored ? { 'external-scored': 'human' } : {});
  outcomeDeclaration(item, 'MAXSCORE', 'float', question.points);
  const feedback = [...(parts.feedback ?? [])];
  if (question.explanation !== undefined) {
    // The general feedback, shown whatever was answered, as coursekit shows `explanation`.
    feedback.push({ identifier: 'explanation', markdown: question.explanation });
  }
  if (feedback.length > 0) {
    item.ele('qti-outcome-declaration', {
      identifier: 'FEEDBACK',
      cardinality: 'multiple',
      'base-type': 'identifier',
    });
  }
  parts.outcomes?.(item);
  parts.body(item.ele('qti-item-body'));
  const processing = item.ele('qti-response-processing');
  parts.processing?.(processing);
  for (const rule of feedback) {
    const add = (at: XMLBuilder) =>
      setOutcome(at, 'FEEDBACK', (value) => {
        const list = value.ele('qti-multiple');
        variable(list, 'FEEDBACK');
        baseValue(list, 'identifier', rule.identifier);
      });
    if (rule.when === undefined) add(processing);
    else {
      const when = processing.ele('qti-response-condition').ele('qti-response-if');
      rule.when(when);
      add(when);
    }
  }
  for (const rule of feedback) {
    const modal = item.ele('qti-modal-feedback', {
      'outcome-identifier': 'FEEDBACK',
      'show-hide': 'show',
      identifier: rule.identifier,
    });
    block(modal.ele('qti-content-body'), rule.markdown, context);
  }
  return serialise(item);
}
