import { describe, expect, it } from 'vitest';
import { sampleQuizData } from '../fixtures/two-peripheries-quiz.js';
import { parseQuiz } from '../parse.js';
import { exportGift, GiftExportError } from './export.js';
import { GiftImportError, importGift } from './import.js';

const bank = String.raw`// Question bank for "Two Peripheries" (facts from shared/source/FACTS.md)
$CATEGORY: $course$/Two Peripheries/Summits

// [tag:explain-rupture]
::Hanoi year::In which year did the Trump–Kim summit in Hanoi end without agreement? {
	=2019 # Right\: 27–28 February 2019.
	~2017 # That was the year of Resolution 2397.
	~2022
	#### The summit ended without agreement [@rinna-two-peripheries, para. 2].
}

::es-11-1::Which states voted against resolution ES-11/1? {
	~%50%DPRK # One of five votes against.
	~%50%Russia
	~%-25%Republic of Korea # Seoul joined the Western measures.
}

::unfriendly::The Republic of Korea was on Russia's 2022 list of "unfriendly" countries. {TRUE#It was\: see 7 March 2022.#Right.}

$CATEGORY: $course$/Two Peripheries/Terms

::term::Which word does the article use for Moscow's balancing act? {=equidistance#Yes. =diplomatic equidistance}

::res-year::In which year was Resolution 2397 adopted? {#2017:0}

::vostok::When did Kim and Putin meet at the Vostochny Cosmodrome? {#2022..2024}

::match::Match each event to its year. {
	=Resolution 2397 adopted -> 2017
	=Vladivostok meeting -> 2019
	= -> 2018
}

::Reflect::Why did Moscow and Pyongyang draw closer after February 2022? {}

::Missing word::Resolution 2397 required states to repatriate DPRK workers within {=24 ~12 ~36} months.
`;

describe('importGift', () => {
  it('reads every supported question type with categories, titles, tags and feedback', () => {
    const quiz = importGift(bank, { id: 'summits', title: 'Summits' });
    expect(quiz.id).toBe('summits');
    const byId = Object.fromEntries(quiz.questions.map((question) => [question.id, question]));
    expect(Object.keys(byId)).toEqual([
      'hanoi-year',
      'es-11-1',
      'unfriendly',
      'term',
      'res-year',
      'vostok',
      'match',
      'reflect',
      'missing-word',
    ]);
    expect(byId['hanoi-year']).toMatchObject({
      type: 'single',
      category: '$course$/Two Peripheries/Summits',
      objectives: ['explain-rupture'],
      explanation: 'The summit ended without agreement [@rinna-two-peripheries, para. 2].',
      choices: [
        { id: 'choice-1', text: '2019', correct: true, feedback: 'Right: 27–28 February 2019.' },
        { text: '2017', correct: false, feedback: 'That was the year of Resolution 2397.' },
        { text: '2022', correct: false },
      ],
    });
    expect(byId['es-11-1']).toMatchObject({
      type: 'multiple',
      choices: [
        { text: 'DPRK', weight: 0.5, feedback: 'One of five votes against.' },
        { text: 'Russia', weight: 0.5 },
        { text: 'Republic of Korea', weight: -0.25, correct: false },
      ],
    });
    expect(byId.unfriendly).toMatchObject({
      type: 'truefalse',
      answer: true,
      feedbackTrue: 'Right.',
      feedbackFalse: 'It was: see 7 March 2022.',
    });
    expect(byId.term).toMatchObject({
      type: 'short',
      category: '$course$/Two Peripheries/Terms',
      accept: [{ text: 'equidistance', feedback: 'Yes.' }, { text: 'diplomatic equidistance' }],
    });
    expect(byId['res-year']).toMatchObject({ type: 'numeric', answer: 2017, tolerance: 0 });
    expect(byId.vostok).toMatchObject({ type: 'numeric', answer: 2023, tolerance: 1 });
    expect(byId.match).toMatchObject({
      type: 'matching',
      pairs: [
        { left: 'Resolution 2397 adopted', right: '2017' },
        { left: 'Vladivostok meeting', right: '2019' },
      ],
      distractors: ['2018'],
    });
    expect(byId.reflect).toMatchObject({ type: 'essay' });
    expect(byId['missing-word']).toMatchObject({
      type: 'cloze',
      text: 'Resolution 2397 required states to repatriate DPRK workers within {{blank}} months.',
    });
  });

  it('reports every problem with its line', () => {
    const text = [
      '::a::First {=x ~y', // 1: unclosed brace
      '',
      '::b::Fine {=x ~z}',
      '',
      'A description without answers', // 5: unsupported
      '',
      '// a comment block',
      '',
      '::d::Broken {#abc}', // 9: syntax
    ].join('\n');
    let caught: unknown;
    try {
      importGift(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GiftImportError);
    const issues = (caught as GiftImportError).issues;
    expect(issues.map((issue) => issue.line)).toEqual([1, 5, 9]);
    expect(issues[0]?.message).toMatch(/GIFT syntax/);
    expect(issues[1]?.message).toMatch(/description/);
    expect((caught as Error).message).toMatch(/^GIFT text has 3 problems/);
  });

  it('maps quiz validation problems back to the question line', () => {
    let caught: unknown;
    try {
      importGift('::ok::Fine {=a ~b}\n\n\n::bad::Two right {=a =b ~c}\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GiftImportError);
    expect((caught as GiftImportError).issues).toEqual([
      { line: 4, message: expect.stringMatching(/^question 2: choices: .*exactly one .*\(found 2\)/) },
    ]);
  });

  it('rejects text with no questions', () => {
    expect(() => importGift('// only a comment\n')).toThrow(GiftImportError);
  });
});

describe('exportGift', () => {
  const supported = sampleQuizData();
  supported.questions = supported.questions.filter(
    (question) => !['order-events', 'sort-periods', 'fill-in'].includes(question.id),
  );

  it('round-trips every question GIFT can express, with the fields GIFT lacks in a comment', () => {
    const quiz = parseQuiz(supported);
    const text = exportGift(quiz);
    const { id, title, behaviour, passMark, shuffleQuestions, shuffleChoices } = supported;
    expect(importGift(text, { id, title, behaviour, passMark, shuffleQuestions, shuffleChoices })).toEqual(
      quiz,
    );
  });

  it('round-trips an imported bank', () => {
    const quiz = importGift(bank);
    expect(importGift(exportGift(quiz))).toEqual(quiz);
  });

  it('writes GIFT a teacher can read', () => {
    const text = exportGift(parseQuiz(supported));
    expect(text).toContain(
      '::hanoi-year::[markdown]In which year did the Trump–Kim summit in Hanoi end without agreement? {',
    );
    expect(text).toContain('\t=2019 #Yes\\: 27–28 February 2019.');
    expect(text).toContain('// [tag:explain-rupture]');
    expect(text).toContain(
      '::resolution-year::[markdown]In which year did the Security Council adopt Resolution 2397? {#2017:0}',
    );
  });

  it('names the questions GIFT cannot express, or skips them on request', () => {
    const quiz = parseQuiz(sampleQuizData());
    expect(() => exportGift(quiz)).toThrow(GiftExportError);
    try {
      exportGift(quiz);
    } catch (error) {
      expect((error as GiftExportError).issues.map((issue) => issue.questionId)).toEqual([
        'order-events',
        'sort-periods',
        'fill-in',
      ]);
    }
    const text = exportGift(quiz, { skipUnsupported: true });
    expect(importGift(text).questions).toHaveLength(7);
  });

  it("refuses answers containing '->', which GIFT would read as a matching pair", () => {
    const quiz = parseQuiz({
      id: 'arrows',
      title: 'Arrows',
      questions: [
        { id: 'a', type: 'single', prompt: 'P', choices: [{ text: 'x -> y', correct: true }, { text: 'z' }] },
      ],
    });
    expect(() => exportGift(quiz)).toThrow(/'->'/);
  });
});
