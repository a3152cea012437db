import { strToU8, type Zippable, zipSync } from 'fflate';
import { create } from 'xmlbuilder2';
// The package's public, normalised types only (see items.ts).
import type { Question, QuestionPool, Quiz } from '../index.js';
import { itemHref, itemIdentifier, testHref, testIdentifier } from './identifiers.js';
import { type QtiTextOptions, qtiItem } from './items.js';
import type { QtiExportWarning } from './warnings.js';
import {
  baseValue,
  qtiDocument,
  qtiNumber,
  serialise,
  variable,
  type XMLBuilder,
  XSI_NAMESPACE,
} from './xml.js';

export type { QtiExportWarning } from './warnings.js';

export const QTI_PACKAGE_NAMESPACE = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
const PACKAGE_SCHEMA_LOCATION = `${QTI_PACKAGE_NAMESPACE} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd`;

export interface ExportQtiOptions extends QtiTextOptions {
  /** The package's manifest identifier. Default `coursekit-qti`. */
  identifier?: string | undefined;
}

export interface QtiPackage {
  /** Path in the package → XML. `imsmanifest.xml` first, then tests, then items. */
  files: Map<string, string>;
  /** What the package cannot carry as coursekit does, each at its place in a quiz. */
  warnings: QtiExportWarning[];
  /** The package as a zip (an IMS content package). */
  zip(): Uint8Array;
}

interface ExportedItem {
  identifier: string;
  href: string;
  question: Question;
}

function questionEntries(quiz: Quiz): { question: Question; path: (string | number)[] }[] {
  return quiz.questions.flatMap((entry, index) =>
    entry.type === 'pool'
      ? entry.questions.map((question, inner) => ({
          question,
          path: ['questions', index, 'questions', inner],
        }))
      : [{ question: entry, path: ['questions', index] }],
  );
}

function itemRef(section: XMLBuilder, item: ExportedItem): void {
  section.ele('qti-assessment-item-ref', { identifier: item.identifier, href: `../${item.href}` });
}

function poolSection(
  section: XMLBuilder,
  quiz: Quiz,
  pool: QuestionPool,
  items: Map<string, ExportedItem>,
): void {
  const inner = section.ele('qti-assessment-section', {
    identifier: `pool-${pool.id}`,
    title: pool.id,
    visible: 'false',
  });
  inner.ele('qti-selection', { select: String(pool.draw) });
  if (quiz.shuffleQuestions) inner.ele('qti-ordering', { shuffle: 'true' });
  for (const question of pool.questions) itemRef(inner, items.get(question.id) as ExportedItem);
}

/** Sum over the test's items of an item outcome (only the items a pool drew take part). */
function sumOfItems(processing: XMLBuilder, outcome: string): void {
  processing
    .ele('qti-set-outcome-value', { identifier: outcome })
    .ele('qti-sum')
    .ele('qti-test-variables', { 'variable-identifier': outcome });
}

function qtiTest(quiz: Quiz, items: Map<string, ExportedItem>): string {
  const test = qtiDocument('qti-assessment-test', { identifier: testIdentifier(quiz.id), title: quiz.title });
  for (const outcome of ['SCORE', 'MAXSCORE', 'PERCENTAGE']) {
    test.ele('qti-outcome-declaration', { identifier: outcome, cardinality: 'single', 'base-type': 'float' });
  }
  test.ele('qti-outcome-declaration', { identifier: 'PASS', cardinality: 'single', 'base-type': 'boolean' });
  const part = test.ele('qti-test-part', {
    identifier: 'part-1',
    'navigation-mode': 'nonlinear',
    // Deferred feedback submits everything at the end; immediate and interactive check question by question.
    'submission-mode': quiz.behaviour === 'deferred' ? 'simultaneous' : 'individual',
  });
  part.ele('qti-item-session-control', {
    'max-attempts': String(quiz.behaviour === 'interactive' ? quiz.tries : 1),
    'show-feedback': String(quiz.behaviour !== 'deferred'),
  });
  const section = part.ele('qti-assessment-section', {
    identifier: 'section-1',
    title: quiz.title,
    visible: 'true',
  });
  if (quiz.shuffleQuestions) section.ele('qti-ordering', { shuffle: 'true' });
  for (const entry of quiz.questions) {
    if (entry.type === 'pool') poolSection(section, quiz, entry, items);
    else itemRef(section, items.get(entry.id) as ExportedItem);
  }
  const processing = test.ele('qti-outcome-processing');
  sumOfItems(processing, 'SCORE');
  sumOfItems(processing, 'MAXSCORE');
  const percentage = processing.ele('qti-set-outcome-value', { identifier: 'PERCENTAGE' }).ele('qti-product');
  baseValue(percentage, 'float', 100);
  const ratio = percentage.ele('qti-divide');
  variable(ratio, 'SCORE');
  variable(ratio, 'MAXSCORE');
  const pass = processing.ele('qti-set-outcome-value', { identifier: 'PASS' }).ele('qti-gte');
  variable(pass, 'PERCENTAGE');
  baseValue(pass, 'float', qtiNumber(quiz.passMark));
  return serialise(test);
}

function manifest(identifier: string, tests: { quiz: Quiz; items: ExportedItem[] }[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(QTI_PACKAGE_NAMESPACE, 'manifest', { identifier })
    .att(XSI_NAMESPACE, 'xsi:schemaLocation', PACKAGE_SCHEMA_LOCATION);
  const metadata = root.ele('metadata');
  metadata.ele('schema').txt('QTI Package');
  metadata.ele('schemaversion').txt('3.0.0');
  root.ele('organizations');
  const resources = root.ele('resources');
  for (const { quiz, items } of tests) {
    const href = testHref(quiz.id);
    const resource = resources.ele('resource', {
      identifier: testIdentifier(quiz.id),
      type: 'imsqti_test_xmlv3p0',
      href,
    });
    resource.ele('file', { href });
    for (const item of items) resource.ele('dependency', { identifierref: item.identifier });
  }
  for (const { items } of tests) {
    for (const item of items) {
      resources
        .ele('resource', { identifier: item.identifier, type: 'imsqti_item_xmlv3p0', href: item.href })
        .ele('file', { href: item.href });
    }
  }
  return serialise(root);
}

/**
 * Export quizzes as a QTI 3.0 content package: `imsmanifest.xml`, one `qti-assessment-item` per question
 * (pools included) and one `qti-assessment-test` per quiz, whose response processing scores in points as
 * `grade` does. What QTI cannot carry is listed in `warnings`, each at its place in the quiz.
 */
export function exportQti(quizzes: Quiz | readonly Quiz[], options: ExportQtiOptions = {}): QtiPackage {
  const list: readonly Quiz[] = Array.isArray(quizzes) ? quizzes : [quizzes as Quiz];
  const warnings: QtiExportWarning[] = [];
  const files = new Map<string, string>();
  const tests: { quiz: Quiz; items: ExportedItem[] }[] = [];
  const bodies = new Map<string, string>();
  for (const quiz of list) {
    const warn = (path: (string | number)[], message: string, rule: string) =>
      warnings.push({ quizId: quiz.id, path, message, rule });
    if (quiz.behaviour === 'interactive' && quiz.penalty > 0) {
      warn(
        ['penalty'],
        `the penalty per failed try (${qtiNumber(quiz.penalty * 100)}%) has no QTI equivalent; each try is scored in full`,
        'qti/try-penalty',
      );
    }
    if (quiz.maxAttempts !== undefined) {
      warn(
        ['maxAttempts'],
        'QTI has no limit on whole-quiz attempts; set it in the LMS quiz settings',
        'qti/max-attempts',
      );
    }
    const items = new Map<string, ExportedItem>();
    for (const { question, path } of questionEntries(quiz)) {
      const exported: ExportedItem = {
        identifier: itemIdentifier(quiz.id, question.id),
        href: itemHref(quiz.id, question.id),
        question,
      };
      bodies.set(
        exported.href,
        qtiItem(question, {
          quizId: quiz.id,
          path,
          shuffleChoices: quiz.shuffleChoices,
          warn,
          renderMarkdown: options.renderMarkdown,
        }),
      );
      items.set(question.id, exported);
    }
    files.set(testHref(quiz.id), qtiTest(quiz, items));
    tests.push({ quiz, items: [...items.values()] });
  }
  const ordered = new Map<string, string>([
    ['imsmanifest.xml', manifest(options.identifier ?? 'coursekit-qti', tests)],
  ]);
  for (const [path, xml] of files) ordered.set(path, xml);
  for (const [path, xml] of bodies) ordered.set(path, xml);
  return {
    files: ordered,
    warnings,
    zip: () => zipFiles(ordered),
  };
}

/** A zip of text files, with a fixed date so that the same quizzes give the same bytes. */
export function zipFiles(files: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  const mtime = new Date('2000-01-01T00:00:00Z');
  for (const [path, content] of files) {
    entries[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime }];
  }
  return zipSync(entries, { level: 6 });
}
