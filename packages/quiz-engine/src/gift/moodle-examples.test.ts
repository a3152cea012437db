import { describe, expect, it } from 'vitest';
import { grade } from '../grade.js';
import { toPublicQuiz } from '../public.js';
import type { Quiz } from '../quiz.js';
import type { PublicQuestion, Question } from '../types/registry.js';
import { exportGift } from './export.js';
import { GiftImportError, importGift } from './import.js';

// The examples of Moodle's documentation page "GIFT format", each with what Moodle makes of it.
const seed = 'moodle-docs';

function importOne(text: string): { quiz: Quiz; question: Question } {
  const quiz = importGift(text);
  const [question] = quiz.questions;
  if (question === undefined || question.type === 'pool') throw new Error('no question');
  return { quiz, question };
}

function shownQuestion(quiz: Quiz): PublicQuestion {
  const [shown] = toPublicQuiz(quiz, { seed }).questions;
  if (shown === undefined) throw new Error('nothing shown');
  return shown;
}

/** Option ids by the texts a learner sees. */
function pick(quiz: Quiz, ...texts: string[]): string[] {
  const shown = shownQuestion(quiz);
  const options =
    shown.type === 'single' || shown.type === 'multiple'
      ? shown.choices
      : shown.type === 'cloze'
        ? shown.blanks.flatMap((blank) => (blank.kind === 'choice' ? blank.choices : []))
        : [];
  return texts.map((text) => {
    const found = options.find((option) => option.text === text);
    if (found === undefined) throw new Error(`no option '${text}'`);
    return found.id;
  });
}

/** The share of the points Moodle would give, and the feedback shown. */
function outcome(quiz: Quiz, response: unknown): { fraction: number; feedback: string[] } {
  const shown = shownQuestion(quiz);
  const result = grade(quiz, { [shown.id]: response }, { seed });
  const [question] = result.questions;
  if (question === undefined) throw new Error('no result');
  return {
    fraction: question.score / question.maxScore,
    feedback: question.feedback.map((item) => item.text),
  };
}

function clozeResponse(quiz: Quiz, value: string): Record<string, string> {
  const shown = shownQuestion(quiz);
  if (shown.type !== 'cloze') throw new Error('not a cloze');
  return { [(shown.blanks[0] as { id: string }).id]: value };
}

/** Moodle reads exportGift's text back as the same questions: importing it again changes nothing. */
function expectRoundTrip(quiz: Quiz): void {
  expect(importGift(exportGift(quiz))).toEqual(quiz);
}

describe("Moodle's GIFT documentation, example by example", () => {
  it('multiple choice: = right, ~ wrong', () => {
    const { quiz, question } = importOne("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
    expect(question).toMatchObject({ type: 'single', prompt: "Who's buried in Grant's tomb?" });
    expect(outcome(quiz, pick(quiz, 'no one')[0]).fraction).toBe(1);
    expect(outcome(quiz, pick(quiz, 'Grant')[0]).fraction).toBe(0);
    expectRoundTrip(quiz);
  });

  it('missing word: answers inside the text leave a blank', () => {
    const { quiz, question } = importOne("Grant is {~buried =entombed ~living} in Grant's tomb.");
    expect(question).toMatchObject({ type: 'cloze', text: "Grant is {{blank}} in Grant's tomb." });
    expect(outcome(quiz, clozeResponse(quiz, pick(quiz, 'entombed')[0] as string)).fraction).toBe(1);
    expect(outcome(quiz, clozeResponse(quiz, pick(quiz, 'living')[0] as string)).fraction).toBe(0);
    expectRoundTrip(quiz);
  });

  it('answers on separate lines, indented', () => {
    const { quiz, question } = importOne(
      'The American holiday of Thanksgiving is celebrated on the {\n    ~second\n    ~third\n    =fourth\n} Thursday of November.',
    );
    expect(question).toMatchObject({
      type: 'cloze',
      text: 'The American holiday of Thanksgiving is celebrated on the {{blank}} Thursday of November.',
    });
    expectRoundTrip(quiz);
  });

  it('per-answer feedback after #', () => {
    const { quiz } = importOne(
      "What's between orange and green in the spectrum? \n{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }",
    );
    expect(outcome(quiz, pick(quiz, 'yellow')[0])).toEqual({ fraction: 1, feedback: ['right; good!'] });
    expect(outcome(quiz, pick(quiz, 'red')[0])).toEqual({ fraction: 0, feedback: ["wrong, it's yellow"] });
    expectRoundTrip(quiz);
  });

  it('multiple right answers: weights add up, negative ones take away, the total never drops below 0', () => {
    const { quiz, question } = importOne(
      "What two people are entombed in Grant's tomb? {\n   ~%-100%No one\n   ~%50%Grant\n   ~%50%Grant's wife\n   ~%-100%Grant's father\n}",
    );
    expect(question.type).toBe('multiple');
    expect(outcome(quiz, pick(quiz, 'Grant', "Grant's wife")).fraction).toBe(1);
    expect(outcome(quiz, pick(quiz, 'Grant')).fraction).toBe(0.5);
    expect(outcome(quiz, pick(quiz, 'Grant', "Grant's wife", 'No one')).fraction).toBe(0);
    expect(outcome(quiz, pick(quiz, 'No one', "Grant's father")).fraction).toBe(0);
    expectRoundTrip(quiz);
  });

  it('true/false, with T and FALSE', () => {
    const yes = importOne('Grant was buried in a tomb in New York City.{T}');
    expect(yes.question).toMatchObject({ type: 'truefalse', answer: true });
    expect(outcome(yes.quiz, true).fraction).toBe(1);
    const no = importOne('The sun rises in the West.{FALSE}');
    expect(outcome(no.quiz, false).fraction).toBe(1);
    expect(outcome(no.quiz, true).fraction).toBe(0);
    expectRoundTrip(yes.quiz);
    expectRoundTrip(no.quiz);
  });

  it('true/false feedback: the first for a wrong answer, the second for a right one', () => {
    const { quiz } = importOne("Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}");
    expect(outcome(quiz, true)).toEqual({ fraction: 0, feedback: ["No one is buried in Grant's tomb."] });
    expect(outcome(quiz, false)).toEqual({ fraction: 1, feedback: [] });
    expectRoundTrip(quiz);
  });

  it('short answer: several right answers', () => {
    const { quiz, question } = importOne(
      "Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}",
    );
    expect(question.type).toBe('short');
    expect(outcome(quiz, 'ulysses s grant').fraction).toBe(1);
    expect(outcome(quiz, 'Lincoln').fraction).toBe(0);
    const missing = importOne('Two plus two equals {=four =4}.');
    expect(missing.question).toMatchObject({ type: 'cloze', text: 'Two plus two equals {{blank}}.' });
    expect(outcome(missing.quiz, clozeResponse(missing.quiz, '4')).fraction).toBe(1);
    expectRoundTrip(quiz);
    expectRoundTrip(missing.quiz);
  });

  it('matching, with general feedback', () => {
    const { quiz, question } = importOne(
      "Match the following countries with their corresponding capitals. {\n    =Canada -> Ottawa\n    =Italy  -> Rome\n    =Japan  -> Tokyo\n    =India  -> New Delhi\n    ####It's good to know the capitals\n}",
    );
    expect(question).toMatchObject({
      type: 'matching',
      explanation: "It's good to know the capitals",
      pairs: [
        { left: 'Canada', right: 'Ottawa' },
        { left: 'Italy', right: 'Rome' },
        { left: 'Japan', right: 'Tokyo' },
        { left: 'India', right: 'New Delhi' },
      ],
    });
    const shown = shownQuestion(quiz);
    if (shown.type !== 'matching') throw new Error('not matching');
    const right = (text: string) => shown.right.find((item) => item.text === text)?.id as string;
    const left = (text: string) => shown.left.find((item) => item.text === text)?.id as string;
    // Moodle credits each subquestion: three of four right earns three quarters.
    expect(
      outcome(quiz, {
        [left('Canada')]: right('Ottawa'),
        [left('Italy')]: right('Rome'),
        [left('Japan')]: right('Tokyo'),
        [left('India')]: right('Ottawa'),
      }).fraction,
    ).toBe(0.75);
    expectRoundTrip(quiz);
  });

  it('missing word in the middle of a sentence', () => {
    const { quiz } = importOne(
      'Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.',
    );
    expect(outcome(quiz, clozeResponse(quiz, pick(quiz, 'nothing')[0] as string)).fraction).toBe(1);
    expectRoundTrip(quiz);
  });

  it('numeric with a tolerance', () => {
    const { quiz, question } = importOne('When was Ulysses S. Grant born?{#1822:5}');
    expect(question).toMatchObject({ type: 'numeric', answer: 1822, tolerance: 5 });
    expect(outcome(quiz, 1817).fraction).toBe(1);
    expect(outcome(quiz, '1828').fraction).toBe(0);
    expectRoundTrip(quiz);
  });

  it('numeric followed by text: a blank in the prompt, as Moodle shows it', () => {
    const { quiz, question } = importOne('What is the value of pi (to 3 decimal places)? {#3.14159:0.0005}.');
    expect(question).toMatchObject({
      type: 'numeric',
      prompt: 'What is the value of pi (to 3 decimal places)? _____.',
      answer: Number('3.14159'),
      tolerance: 0.0005,
    });
    expect(outcome(quiz, '3.142').fraction).toBe(1);
    expect(outcome(quiz, '3.14').fraction).toBe(0);
    expectRoundTrip(quiz);
  });

  it('numeric as a range', () => {
    const { quiz } = importOne('What is the value of pi (to 3 decimal places)? {#3.141..3.142}.');
    expect(outcome(quiz, '3.1415').fraction).toBe(1);
    expect(outcome(quiz, 3.143).fraction).toBe(0);
    expectRoundTrip(quiz);
  });

  it('numeric with several answers: 1822 full credit, 1822 ± 2 half, each with its feedback', () => {
    const { quiz, question } = importOne(
      'When was Ulysses S. Grant born? {#\n    =1822:0      # Correct! Full credit.\n    =%50%1822:2  # He was born in 1822. Half credit for being close.\n}',
    );
    expect(question).toMatchObject({ type: 'numeric', answer: 1822, tolerance: 0 });
    expect(outcome(quiz, 1822)).toEqual({ fraction: 1, feedback: ['Correct! Full credit.'] });
    expect(outcome(quiz, 1820)).toEqual({
      fraction: 0.5,
      feedback: ['He was born in 1822. Half credit for being close.'],
    });
    expect(outcome(quiz, 1819)).toEqual({ fraction: 0, feedback: [] });
    expectRoundTrip(quiz);
  });

  it('essay', () => {
    const { quiz, question } = importOne('Write a short biography of Dag Hammarskjöld. {}');
    expect(question.type).toBe('essay');
    expect(grade(quiz, { [question.id]: 'He was…' }, { seed }).questions[0]?.status).toBe('needs-review');
    expectRoundTrip(quiz);
  });

  it('titles, comments and an = inside the question text', () => {
    const { quiz, question } = importOne('// a comment\n::Q1:: 1+1=2 {T}');
    expect(question).toMatchObject({ id: 'q1', type: 'truefalse', prompt: '1+1=2', answer: true });
    expectRoundTrip(quiz);
    const titled = importOne(
      '::Kanji Origins::Japanese characters originally came from what country? {=China}',
    );
    expect(titled.question).toMatchObject({ id: 'kanji-origins', type: 'short' });
  });

  it('percentage weights on single-choice answers give partial credit', () => {
    const { quiz, question } = importOne(
      "::Jesus' hometown::Jesus Christ was from {\n    ~Jerusalem#This was an important city, but the wrong answer.\n    ~%25%Bethlehem#He was born here, but not raised here.\n    ~%50%Galilee#You need to be more specific.\n    =Nazareth#Yes! That's right!\n}.",
    );
    expect(question.type).toBe('cloze');
    const answer = (text: string) => outcome(quiz, clozeResponse(quiz, pick(quiz, text)[0] as string));
    expect(answer('Nazareth')).toEqual({ fraction: 1, feedback: ["Yes! That's right!"] });
    expect(answer('Galilee')).toEqual({ fraction: 0.5, feedback: ['You need to be more specific.'] });
    expect(answer('Bethlehem').fraction).toBe(0.25);
    expect(answer('Jerusalem').fraction).toBe(0);
    expectRoundTrip(quiz);
    const difficult = importOne(
      'Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}',
    );
    expect(outcome(difficult.quiz, pick(difficult.quiz, 'half credit answer')[0]).fraction).toBe(0.5);
    expectRoundTrip(difficult.quiz);
  });

  it('percentage weights on short answers', () => {
    const { quiz } = importOne(
      "::Jesus' hometown:: Jesus Christ was from {\n    =Nazareth#Yes! That's right!\n    =%75%Nazereth#Right, but misspelled.\n    =%25%Bethlehem#He was born here, but not raised here.\n}",
    );
    expect(outcome(quiz, 'nazareth')).toEqual({ fraction: 1, feedback: ["Yes! That's right!"] });
    expect(outcome(quiz, 'Nazereth')).toEqual({ fraction: 0.75, feedback: ['Right, but misspelled.'] });
    expect(outcome(quiz, 'Bethlehem').fraction).toBe(0.25);
    expectRoundTrip(quiz);
  });

  it('escaped control characters', () => {
    const { quiz, question } = importOne(
      'Which answer equals 5? {\n    ~ \\= 2 + 2\n    = \\= 2 + 3\n    ~ \\= 2 + 4\n}',
    );
    expect(question).toMatchObject({ type: 'single' });
    expect(outcome(quiz, pick(quiz, '= 2 + 3')[0]).fraction).toBe(1);
    expectRoundTrip(quiz);
  });

  it('categories apply to the questions that follow', () => {
    const quiz = importGift('$CATEGORY: tom/dick/harry\n\n::a::First {T}\n\n::b::Second {F}\n');
    expect(quiz.questions.map((question) => (question as Question).category)).toEqual([
      'tom/dick/harry',
      'tom/dick/harry',
    ]);
    expectRoundTrip(quiz);
  });

  it('a description is reported at its line with what to do', () => {
    let caught: unknown;
    try {
      importGift('::a::Fine {T}\n\nYou can use your pencil and paper for these next math questions.\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GiftImportError);
    expect((caught as GiftImportError).issues).toEqual([
      { line: 3, message: expect.stringMatching(/description.*add answers or remove it/) },
    ]);
  });
});
