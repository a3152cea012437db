// The QTI 3.0 export, checked by an implementation that is not ours: every question of both shipped courses
// (and a quiz with a pool and a pattern) is exported, the package is read back with yauzl and
// fast-xml-parser, each item is rendered by @citolab/qti-components in Chromium, answered right, wrong and
// partly right, and the SCORE its response processing gives must equal coursekit's `grade`.
import { join } from 'node:path';
import { loadCourse } from '@coursekit/mdx';
import {
  exportQti,
  grade,
  parseQuiz,
  type Question,
  type QuestionPool,
  type Quiz,
  toPublicQuiz,
} from '@coursekit/quiz-engine';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { repoRoot } from '../support/server.js';
import { type PlayerAnswer, type Scenario, scenariosFor } from './answers.js';
import { readZip } from './package-reader.js';
import { type PlayerServer, startPlayerServer } from './player-page.js';

const courseDirs = [
  join(repoRoot, 'examples', 'gettysburg-address'),
  join(repoRoot, 'apps', 'teach', 'content', 'two-peripheries'),
];

// Only what the address itself says (examples/gettysburg-address/source.txt, para. 1). It carries what the
// shipped courses do not: a pool, patterns, Moodle-style weights and the other scoring modes.
const poolQuiz = parseQuiz({
  id: 'four-score',
  title: 'Four score and seven',
  shuffleQuestions: true,
  questions: [
    {
      type: 'pool',
      id: 'opening',
      draw: 1,
      questions: [
        {
          id: 'years',
          type: 'numeric',
          prompt: 'How many years is "four score and seven"?',
          points: 2,
          answers: [
            { answer: 87, feedback: 'Four twenties and seven.' },
            { min: 80, max: 89, weight: 50, feedback: 'Close: a score is twenty.' },
          ],
        },
        {
          id: 'brought-forth',
          type: 'short',
          prompt: 'What did "our fathers" bring forth on this continent?',
          accept: ['a new nation', { text: 'a nation', weight: 50 }],
          pattern: 'new\\s+nation',
        },
      ],
    },
    {
      id: 'proposition',
      type: 'cloze',
      text: 'The nation was conceived in {{liberty}} and dedicated to the proposition that all men are created {{equal}}.',
      blanks: {
        liberty: {
          choices: [
            { text: 'Liberty', weight: 100 },
            { text: 'Freedom', weight: 50 },
            { text: 'Union', weight: 0 },
          ],
        },
        equal: { accept: ['equal'], pattern: '^equal$' },
      },
    },
    {
      id: 'conceived',
      type: 'single',
      prompt: 'In what was the nation "conceived"?',
      choices: [
        { text: 'In Liberty', weight: 100 },
        { text: 'In freedom', weight: 50 },
        { text: 'In war', weight: 0 },
      ],
    },
    {
      id: 'founding-words',
      type: 'multiple',
      prompt: 'Which words does the first paragraph use of the nation?',
      points: 3,
      choices: [
        { text: 'conceived in Liberty', weight: 50 },
        { text: 'dedicated to the proposition', weight: 50 },
        { text: 'founded in war', weight: -50 },
        { text: 'built on union', weight: -50 },
      ],
    },
    {
      id: 'opening-order',
      type: 'ordering',
      scoring: 'absolute-position',
      prompt: 'Put the opening words in order.',
      items: ['Four score', 'and seven years ago', 'our fathers brought forth'],
    },
    {
      id: 'whole-order',
      type: 'ordering',
      scoring: 'all-or-nothing',
      prompt: 'Put the opening words in order.',
      items: ['Four score', 'and seven years ago', 'our fathers brought forth'],
    },
    {
      id: 'who-did-what',
      type: 'matching',
      scoring: 'all-or-nothing',
      prompt: 'Match each phrase to what it says.',
      pairs: [
        { left: 'our fathers', right: 'brought forth a new nation' },
        { left: 'the nation', right: 'conceived in Liberty' },
        { left: 'all men', right: 'created equal' },
      ],
    },
  ],
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
type Element = Record<string, unknown>;

function elements(node: unknown, name: string): Element[] {
  const found: Element[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === name) found.push(...(child as Element[]));
        walk(child);
      }
    }
  };
  walk(node);
  return found;
}

function questionsOf(quiz: Quiz): Question[] {
  return quiz.questions.flatMap((entry) =>
    entry.type === 'pool' ? (entry as QuestionPool).questions : [entry],
  );
}

let quizzes: Quiz[];
let files: Map<string, Buffer>;
let text: (path: string) => string;

beforeAll(async () => {
  quizzes = [poolQuiz];
  for (const dir of courseDirs) {
    const loaded = await loadCourse(dir);
    expect(loaded.ok, `${dir} loads without errors`).toBe(true);
    quizzes.push(...Object.values(loaded.quizzes));
  }
  files = await readZip(exportQti(quizzes).zip());
  text = (path) => {
    const file = files.get(path);
    if (!file) throw new Error(`${path} is not in the package`);
    return file.toString('utf8');
  };
});

describe('the QTI 3.0 package, read back with yauzl and fast-xml-parser', () => {
  test('every file is well-formed XML in the QTI namespaces', () => {
    for (const [path, content] of files) {
      expect(XMLValidator.validate(content.toString('utf8')), path).toBe(true);
    }
    expect(text('imsmanifest.xml')).toContain('xmlns="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"');
    for (const path of files.keys()) {
      if (path !== 'imsmanifest.xml')
        expect(text(path), path).toContain('xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"');
    }
  });

  test('the manifest lists every file once, every file it names exists, and dependencies resolve', () => {
    const manifest = parser.parse(text('imsmanifest.xml'));
    const resources = elements(manifest, 'resource');
    const identifiers = new Set(resources.map((resource) => resource.identifier as string));
    expect(identifiers.size).toBe(resources.length);
    const listed = resources.flatMap((resource) =>
      elements(resource, 'file').map((file) => file.href as string),
    );
    expect(new Set(listed)).toEqual(new Set([...files.keys()].filter((path) => path !== 'imsmanifest.xml')));
    for (const resource of resources) {
      expect(['imsqti_item_xmlv3p0', 'imsqti_test_xmlv3p0']).toContain(resource.type);
      for (const dependency of elements(resource, 'dependency'))
        expect(identifiers).toContain(dependency.identifierref);
    }
    const questionCount = quizzes.reduce((sum, quiz) => sum + questionsOf(quiz).length, 0);
    expect(resources.filter((resource) => resource.type === 'imsqti_item_xmlv3p0')).toHaveLength(
      questionCount,
    );
    expect(resources.filter((resource) => resource.type === 'imsqti_test_xmlv3p0')).toHaveLength(
      quizzes.length,
    );
  });

  test('each test refers to its items, and a pool is a section that draws', () => {
    for (const quiz of quizzes) {
      const test = parser.parse(text(`tests/${quiz.id}.xml`));
      const refs = elements(test, 'qti-assessment-item-ref');
      expect(refs).toHaveLength(questionsOf(quiz).length);
      for (const ref of refs) {
        const href = (ref.href as string).replace(/^\.\.\//, '');
        const item = parser.parse(text(href));
        expect(elements(item, 'qti-assessment-item')[0]?.identifier).toBe(ref.identifier);
      }
    }
    const pool = elements(parser.parse(text('tests/four-score.xml')), 'qti-assessment-section').find(
      (section) => section.identifier === 'pool-opening',
    );
    expect(pool && elements(pool, 'qti-selection')[0]?.select).toBe('1');
  });

  test('every interaction answers a declared response and every outcome set is declared', () => {
    for (const [path] of files) {
      if (!path.startsWith('items/')) continue;
      const item = parser.parse(text(path));
      const responses = new Set(elements(item, 'qti-response-declaration').map((node) => node.identifier));
      const outcomes = new Set(elements(item, 'qti-outcome-declaration').map((node) => node.identifier));
      for (const name of [
        'qti-choice-interaction',
        'qti-text-entry-interaction',
        'qti-extended-text-interaction',
        'qti-order-interaction',
        'qti-match-interaction',
        'qti-inline-choice-interaction',
      ]) {
        for (const node of elements(item, name))
          expect(responses, path).toContain(node['response-identifier']);
      }
      for (const node of elements(item, 'qti-set-outcome-value'))
        expect(outcomes, path).toContain(node.identifier);
      for (const node of elements(item, 'qti-map-response'))
        expect(responses, path).toContain(node.identifier);
      expect(outcomes, path).toContain('SCORE');
    }
  });
});

describe('scores from @citolab/qti-components in Chromium equal coursekit grading', () => {
  let server: PlayerServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startPlayerServer(files);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { itemReady?: boolean }).itemReady === true);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function answerInPlayer(path: string, answers: Record<string, PlayerAnswer>): Promise<number> {
    await page.evaluate(
      (itemPath) => (window as unknown as { loadItem(p: string): Promise<void> }).loadItem(itemPath),
      path,
    );
    for (const [response, answer] of Object.entries(answers)) {
      const interaction = page.locator(`[response-identifier="${response}"]`);
      if (answer.kind === 'choose') {
        // Clicked as a learner would.
        for (const identifier of answer.identifiers)
          await interaction.locator(`qti-simple-choice[identifier="${identifier}"]`).click();
      } else if (answer.kind === 'type') {
        const field = interaction.locator('input, textarea');
        await field.fill(answer.text);
        await field.press('Tab');
      } else {
        // Drag-and-drop and pop-up interactions take the response through the player's API.
        await page.evaluate(
          ({ identifier, value }) => {
            const item = document.querySelector('qti-assessment-item') as unknown as {
              updateResponseVariable(id: string, v: string | string[]): void;
            };
            item.updateResponseVariable(identifier, value);
          },
          { identifier: response, value: answer.value },
        );
      }
    }
    const score = await page.evaluate(() => {
      const item = document.querySelector('qti-assessment-item') as unknown as {
        processResponse(): boolean;
        getOutcome(id: string): { value: unknown };
      };
      item.processResponse();
      return item.getOutcome('SCORE').value;
    });
    return Number(score);
  }

  function ourScore(quiz: Quiz, question: Question, scenario: Scenario) {
    const alone: Quiz = { ...quiz, questions: [question] };
    const seed = 'qti-player';
    const view = toPublicQuiz(alone, { seed }).questions[0];
    if (!view) throw new Error(`no view for ${question.id}`);
    const result = grade(alone, { [question.id]: scenario.ours(view) }, { seed }).questions[0];
    if (!result || result.status === 'invalid') throw new Error(`${question.id}: ${result?.error?.message}`);
    return result.score;
  }

  test('right, wrong and partly right answers to every question', async () => {
    const compared: string[] = [];
    const differences: string[] = [];
    const kinds = new Set<string>();
    for (const quiz of quizzes) {
      for (const question of questionsOf(quiz)) {
        for (const scenario of scenariosFor(question)) {
          const path = `items/${quiz.id}/${question.id}.xml`;
          const theirs = await answerInPlayer(path, scenario.player);
          const ours = ourScore(quiz, question, scenario);
          const label = `${quiz.id}/${question.id} (${question.type}, ${scenario.name}): player ${theirs}, coursekit ${ours}`;
          compared.push(label);
          kinds.add(`${question.type} ${scenario.name}`);
          // The player keeps SCORE to three decimals (1/3 of a point is 0.333 there).
          if (!(Math.abs(theirs - ours) <= 0.0005)) differences.push(label);
        }
      }
    }
    expect(differences).toEqual([]);
    // Not vacuous: every type was answered, and partial credit (weights included) was exercised.
    for (const type of [
      'single',
      'multiple',
      'truefalse',
      'short',
      'numeric',
      'ordering',
      'matching',
      'categorise',
      'cloze',
    ]) {
      expect(kinds, type).toContain(`${type} right`);
      expect(kinds, type).toContain(`${type} wrong`);
    }
    for (const type of [
      'single',
      'multiple',
      'short',
      'numeric',
      'ordering',
      'matching',
      'categorise',
      'cloze',
    ])
      expect(kinds).toContain(`${type} partly right`);
    expect(kinds).toContain('essay written');
    expect(compared.length).toBeGreaterThan(100);
  });
});
