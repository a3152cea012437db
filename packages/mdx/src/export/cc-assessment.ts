import type { Choice, QtiExportWarning, Question, Quiz } from '@coursekit/quiz-engine';
import { create } from 'xmlbuilder2';

/** Common Cartridge 1.3 carries assessments in its profile of QTI 1.2.1, not in QTI 3.0. */
export const CC_QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
const CC_QTI_SCHEMA_LOCATION = `${CC_QTI_NAMESPACE} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_qtiasiv1p2p1_v1p0.xsd`;
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

type Builder = ReturnType<typeof create>;

export interface CcAssessmentOptions {
  /** Markdown → HTML for prompts and choices (carried as `text/html` in `mattext`). */
  renderMarkdown?: ((markdown: string) => string) | undefined;
}

function metadata(parent: Builder, fields: Record<string, string>): void {
  const list = parent.ele('qtimetadata');
  for (const [label, entry] of Object.entries(fields)) {
    const field = list.ele('qtimetadatafield');
    field.ele('fieldlabel').txt(label);
    field.ele('fieldentry').txt(entry);
  }
}

function material(parent: Builder, markdown: string, options: CcAssessmentOptions): void {
  const html = options.renderMarkdown ? options.renderMarkdown(markdown) : markdown;
  parent
    .ele('material')
    .ele('mattext', { texttype: options.renderMarkdown ? 'text/html' : 'text/plain' })
    .txt(html);
}

function scoreOutcome(processing: Builder): void {
  processing
    .ele('outcomes')
    .ele('decvar', { varname: 'SCORE', vartype: 'Decimal', minvalue: '0', maxvalue: '100' });
}

function fullScoreWhen(processing: Builder, condition: (at: Builder) => void): void {
  const rule = processing.ele('respcondition', { continue: 'No' });
  condition(rule.ele('conditionvar'));
  rule.ele('setvar', { varname: 'SCORE', action: 'Set' }).txt('100');
}

function choiceItem(
  item: Builder,
  question: Question & { choices: Choice[] },
  options: CcAssessmentOptions,
): void {
  const multiple = question.type === 'multiple';
  const presentation = item.ele('presentation');
  material(presentation, question.prompt, options);
  const choices = presentation
    .ele('response_lid', { ident: 'response1', rcardinality: multiple ? 'Multiple' : 'Single' })
    .ele('render_choice');
  for (const choice of question.choices)
    material(choices.ele('response_label', { ident: choice.id }), choice.text, options);
  const processing = item.ele('resprocessing');
  scoreOutcome(processing);
  fullScoreWhen(processing, (at) => {
    const all = multiple ? at.ele('and') : at;
    // All or nothing: the profile has no partial credit, so only full-credit choices count as right.
    const first = question.choices.find((choice) => choice.weight >= 1);
    for (const choice of question.choices) {
      const right = multiple ? choice.weight > 0 : choice === first;
      if (right) all.ele('varequal', { respident: 'response1' }).txt(choice.id);
      else if (multiple) all.ele('not').ele('varequal', { respident: 'response1' }).txt(choice.id);
    }
  });
}

const profiles: Partial<Record<Question['type'], string>> = {
  single: 'cc.multiple_choice.v0p1',
  multiple: 'cc.multiple_response.v0p1',
  truefalse: 'cc.true_false.v0p1',
  short: 'cc.fib.v0p1',
  essay: 'cc.essay.v0p1',
};

/**
 * A quiz as a Common Cartridge 1.3 assessment (its QTI 1.2.1 profile). The profile knows single and
 * multiple choice, true/false, fill-in-the-blank and essay, each scored all or nothing; what it cannot carry
 * (other types, partial credit, pools' random draw, patterns) is left out or simplified, with a warning.
 */
export function ccAssessment(
  quiz: Quiz,
  options: CcAssessmentOptions,
): { xml: string; warnings: QtiExportWarning[] } {
  const warnings: QtiExportWarning[] = [];
  let path: (string | number)[] = [];
  const warn = (message: string, rule: string) => warnings.push({ quizId: quiz.id, path, message, rule });
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(CC_QTI_NAMESPACE, 'questestinterop')
    .att(XSI_NAMESPACE, 'xsi:schemaLocation', CC_QTI_SCHEMA_LOCATION);
  const assessment = root.ele('assessment', { ident: `quiz-${quiz.id}`, title: quiz.title });
  metadata(assessment, {
    cc_profile: 'cc.exam.v0p1',
    qmd_assessmenttype: 'Examination',
    cc_maxattempts: quiz.maxAttempts === undefined ? 'unlimited' : String(quiz.maxAttempts),
  });
  const section = assessment.ele('section', { ident: 'root_section' });
  const questions: { question: Question; path: (string | number)[] }[] = [];
  quiz.questions.forEach((entry, index) => {
    if (entry.type !== 'pool') {
      questions.push({ question: entry, path: ['questions', index] });
      return;
    }
    path = ['questions', index, 'draw'];
    warn(
      `pool '${entry.id}' draws ${entry.draw} of ${entry.questions.length} in coursekit; the Common Cartridge QTI profile has no random draw, so all of them are included`,
      'cc-qti/pool',
    );
    entry.questions.forEach((question, inner) => {
      questions.push({ question, path: ['questions', index, 'questions', inner] });
    });
  });
  for (const entry of questions) {
    const { question } = entry;
    path = entry.path;
    const profile = profiles[question.type];
    if (profile === undefined) {
      warn(
        `question '${question.id}' (${question.type}) is left out: the Common Cartridge QTI profile has no ${question.type} questions; export with --lti-url to keep it, or use \`coursekit export qti\``,
        'cc-qti/unsupported-type',
      );
      continue;
    }
    const item = section.ele('item', { ident: `${quiz.id}--${question.id}`, title: question.id });
    metadata(item.ele('itemmetadata'), { cc_profile: profile, cc_weighting: String(question.points) });
    switch (question.type) {
      case 'single':
        if (question.choices.some((choice) => choice.weight > 0 && choice.weight < 1))
          warn(
            `question '${question.id}': partial-credit choices are lost; the Common Cartridge QTI profile scores all or nothing`,
            'cc-qti/partial-credit',
          );
        choiceItem(item, question, options);
        break;
      case 'multiple':
        warn(
          `question '${question.id}': the Common Cartridge QTI profile scores multiple response all or nothing; partial credit and the wrong-pick penalty are lost`,
          'cc-qti/partial-credit',
        );
        choiceItem(item, question, options);
        break;
      case 'truefalse':
        choiceItem(
          item,
          {
            ...question,
            type: 'single',
            choices: [
              { id: 'true', text: 'True', correct: question.answer, weight: question.answer ? 1 : 0 },
              { id: 'false', text: 'False', correct: !question.answer, weight: question.answer ? 0 : 1 },
            ],
          } as Question & { choices: Choice[] },
          options,
        );
        break;
      case 'short': {
        if (question.pattern !== undefined)
          warn(
            `question '${question.id}': the pattern is left out; the Common Cartridge QTI profile matches listed answers only`,
            'cc-qti/pattern',
          );
        const presentation = item.ele('presentation');
        material(presentation, question.prompt, options);
        presentation.ele('response_str', { ident: 'response1', rcardinality: 'Single' }).ele('render_fib');
        const processing = item.ele('resprocessing');
        scoreOutcome(processing);
        const full = question.accept.filter((answer) => answer.weight >= 1);
        if (full.length < question.accept.length)
          warn(
            `question '${question.id}': answers with partial credit are left out; the Common Cartridge QTI profile scores all or nothing`,
            'cc-qti/partial-credit',
          );
        fullScoreWhen(processing, (at) => {
          const any = full.length > 1 ? at.ele('or') : at;
          for (const answer of full)
            any.ele('varequal', { respident: 'response1', case: 'No' }).txt(answer.text);
        });
        break;
      }
      case 'essay': {
        const presentation = item.ele('presentation');
        material(presentation, question.prompt, options);
        presentation
          .ele('response_str', { ident: 'response1', rcardinality: 'Single' })
          .ele('render_fib', { rows: '10' });
        break;
      }
    }
  }
  return { xml: root.end({ prettyPrint: true }), warnings };
}
