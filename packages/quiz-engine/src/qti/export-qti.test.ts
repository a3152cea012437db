import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { sampleQuizData } from '../fixtures/two-peripheries-quiz.js';
import { parseQuiz } from '../parse.js';
import { exportQti } from './export-qti.js';

const quiz = parseQuiz(sampleQuizData());

function mapEntries(xml: string): Record<string, number> {
  return Object.fromEntries(
    [...xml.matchAll(/<qti-map-entry map-key="([^"]+)" mapped-value="([^"]+)"/g)].map((match) => [
      match[1],
      Number(match[2]),
    ]),
  );
}

describe('exportQti', () => {
  test('writes a manifest, one test per quiz and one item per question, also as a zip', () => {
    const exported = exportQti(quiz);
    const paths = [...exported.files.keys()];
    expect(paths[0]).toBe('imsmanifest.xml');
    expect(paths).toContain('tests/rupture-and-upswing.xml');
    expect(paths.filter((path) => path.startsWith('items/'))).toHaveLength(quiz.questions.length);
    const manifest = exported.files.get('imsmanifest.xml') as string;
    for (const path of paths.slice(1)) expect(manifest).toContain(`<file href="${path}"/>`);
    const unzipped = unzipSync(exported.zip());
    expect(Object.keys(unzipped).sort()).toEqual([...paths].sort());
    // The same quizzes give the same bytes, so a package can be compared and cached.
    expect(exportQti(quiz).zip()).toEqual(exported.zip());
  });

  test('a multiple-response item maps right picks to their share and wrong picks to the penalty', () => {
    const item = exportQti(quiz).files.get('items/rupture-and-upswing/es-11-1-votes.xml') as string;
    // 2 points over 3 right choices, penalty 0.5 of a share per wrong pick, summed within 0..2.
    const entries = mapEntries(item);
    expect(entries['choice-1']).toBeCloseTo(2 / 3, 9);
    expect(entries['choice-3']).toBeCloseTo(-1 / 3, 9);
    expect(item).toContain('lower-bound="0" upper-bound="2"');
    expect(item).toContain('<qti-map-response identifier="RESPONSE"/>');
  });

  test('an essay is human-scored and keeps its guidance for the scorer only', () => {
    const item = exportQti(quiz).files.get('items/rupture-and-upswing/reflect.xml') as string;
    expect(item).toContain(
      'identifier="SCORE" cardinality="single" base-type="float" external-scored="human"',
    );
    expect(item).toMatch(/<qti-rubric-block use="scoring" view="scorer">/);
    expect(item).not.toContain('<qti-response-processing><qti-response-condition');
  });

  test('a pool becomes a section that selects its draw', () => {
    const pooled = parseQuiz({
      id: 'pooled',
      title: 'Pooled',
      questions: [
        {
          type: 'pool',
          id: 'years',
          draw: 1,
          questions: [
            { id: 'a', type: 'numeric', prompt: 'Four score and seven?', answer: 87 },
            { id: 'b', type: 'truefalse', prompt: 'A score is twenty.', answer: true },
          ],
        },
      ],
    });
    const test = exportQti(pooled).files.get('tests/pooled.xml') as string;
    expect(test).toMatch(
      /<qti-assessment-section identifier="pool-years"[^>]*><qti-selection select="1"\/>(<qti-assessment-item-ref [^>]+\/>){2}<\/qti-assessment-section>/,
    );
  });

  test('says where the package cannot carry what coursekit does', () => {
    const interactive = parseQuiz({
      ...sampleQuizData(),
      behaviour: 'interactive',
      penalty: 0.25,
      maxAttempts: 2,
    });
    const rules = exportQti(interactive).warnings.map(
      (warning) => `${warning.rule} ${warning.path.join('.')}`,
    );
    expect(rules).toContain('qti/hints questions.0.hints');
    expect(rules).toContain('qti/answer-folding questions.3.accept');
    expect(rules).toContain('qti/try-penalty penalty');
    expect(rules).toContain('qti/max-attempts maxAttempts');
    expect(rules).toContain('qti/human-scored questions.9');
  });

  test('identifiers that start with a digit are made XML names, and text is escaped', () => {
    const awkward = parseQuiz({
      id: '1863-quiz',
      title: 'Dates & "quotes" <here>',
      questions: [
        {
          id: '19-november',
          type: 'single',
          prompt: 'Is 1 < 2 & 3 > 2?',
          choices: [{ id: '1863', text: 'Yes <b>', correct: true }, { text: 'No' }],
        },
      ],
    });
    const exported = exportQti(awkward);
    const item = exported.files.get('items/1863-quiz/19-november.xml') as string;
    expect(item).toContain('identifier="_1863-quiz--19-november"');
    expect(item).toContain('<qti-simple-choice identifier="_1863">Yes &lt;b&gt;</qti-simple-choice>');
    expect(item).toContain('Is 1 &lt; 2 &amp; 3 &gt; 2?');
    expect(exported.files.get('tests/1863-quiz.xml')).toContain(
      'title="Dates &amp; &quot;quotes&quot; &lt;here&gt;"',
    );
  });

  test('renders prompts and feedback through the given Markdown renderer', () => {
    const exported = exportQti(quiz, { renderMarkdown: (markdown) => `<p><em>${markdown.length}</em></p>` });
    const item = exported.files.get('items/rupture-and-upswing/hanoi-year.xml') as string;
    expect(item).toMatch(/<div class="prompt"><p><em>\d+<\/em><\/p><\/div>/);
    // Choice labels drop the paragraph around one line.
    expect(item).toMatch(/<qti-simple-choice identifier="correct"><em>4<\/em><\/qti-simple-choice>/);
    expect(item).toContain(
      '<qti-modal-feedback outcome-identifier="FEEDBACK" show-hide="show" identifier="explanation">',
    );
  });
});
