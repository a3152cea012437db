import { z } from 'zod';
import { citationKeySchema } from './citation-key.js';
import { contentMeta } from './content-meta.js';
import { coursePathSchema } from './course-path.js';
import { languageTagSchema } from './language-tag.js';
import { licenseSchema } from './license.js';
import { slugSchema } from './slug.js';
import { textSchema } from './text.js';

/**
 * Suggested values of `level`, not a closed list: any text is valid, and one close to a suggestion
 * (`undergrad`) gets a hint (`course/level-hint`).
 */
export const courseLevels = [
  'primary',
  'secondary',
  'introductory',
  'undergraduate',
  'postgraduate',
  'professional',
] as const;
/** The citation styles built into @coursekit/citations; `citationStyleFile` names any other CSL style. */
export const citationStyles = ['chicago-author-date', 'apa', 'modern-language-association'] as const;

/** A path to a CSL style file in the course folder, e.g. styles/ieee.csl. */
export const cslStylePathSchema = coursePathSchema('citation style file', ['csl'], 'styles/ieee.csl');

/** Which verbs may start a lesson objective, and how strictly that is checked (`lesson/objective-verb`). */
export const objectiveVerbsSchema = z
  .strictObject({
    add: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z'-]*$/, 'a verb is one word, such as calculate'))
      .optional()
      .describe('Verbs this course accepts besides the built-in Bloom list, e.g. [calculate, sketch].'),
    only: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z'-]*$/, 'a verb is one word, such as calculate'))
      .min(1)
      .optional()
      .describe('Exactly the verbs this course accepts, instead of the built-in list.'),
    severity: z
      .enum(['warning', 'error', 'off'])
      .optional()
      .describe('How an objective without one of the verbs is reported: warning (default), error or off.'),
  })
  .register(contentMeta, { label: 'objectiveVerbs' });

export const timelineGroupSchema = z
  .strictObject({
    id: slugSchema.describe('The id events use in their `group`, e.g. after-source.'),
    label: textSchema.describe('The group as readers see it, e.g. What happened next.'),
  })
  .register(contentMeta, { label: 'timeline group' });

export const courseAuthorSchema = z
  .strictObject({
    name: textSchema.describe('The author as they want to be credited.'),
    affiliation: textSchema.optional().describe('Institution or group, optional.'),
    url: z
      .httpUrl()
      .meta({ pattern: '^https?://' })
      .optional()
      .describe('A web page about the author, starting with https://, optional.'),
  })
  .register(contentMeta, { label: 'author' });

export const courseOutcomeSchema = z
  .strictObject({
    id: slugSchema.describe('A slug that lessons use in their `outcomes` list, e.g. explain-convergence.'),
    text: textSchema.describe('What a learner can do after the course, e.g. "Explain why ...".'),
  })
  .register(contentMeta, { label: 'course outcome' });

export const timelineLaneSchema = z
  .strictObject({
    id: slugSchema.describe('The tag that puts an event in this lane, e.g. northeast-asia.'),
    label: textSchema.describe('The lane as readers see it, e.g. Northeast Asia.'),
  })
  .register(contentMeta, { label: 'timeline lane' });

export const courseReadingSchema = z
  .strictObject({
    file: coursePathSchema('reading file', ['md', 'markdown'], 'reading.md').describe(
      'The source text, paragraphs separated by blank lines, e.g. reading.md.',
    ),
    cite: citationKeySchema.describe('Citation key of the source in the bibliography.'),
  })
  .register(contentMeta, { label: 'reading' });

export const reviewTimes = ['immediately', 'after-last-attempt', 'after-due-date', 'never'] as const;

const reviewTime = (part: string) =>
  z
    .enum(reviewTimes)
    .optional()
    .describe(
      `When a student sees ${part} of a submitted attempt: immediately, after-last-attempt, after-due-date or never.`,
    );

/** Class-mode defaults: what students see after an attempt, and how quizzes count towards the course total. */
export const courseGradingSchema = z
  .strictObject({
    review: z
      .strictObject({
        correctness: reviewTime('whether each answer was right (and its score)'),
        feedback: reviewTime('the feedback on each answer'),
        correctAnswer: reviewTime('the correct answers'),
        explanation: reviewTime('the explanations'),
      })
      .optional()
      .describe('Review options (as in Moodle); a teacher can change them per class and quiz.'),
    weights: z
      .record(slugSchema, z.number().min(0))
      .optional()
      .describe('Weight of each quiz (by quiz id) in the course total; quizzes left out weigh 1.'),
  })
  .register(contentMeta, { label: 'grading' });

/** `course.yaml`: what the course is, who it is for, and where its other files are. */
export const courseSchema = z
  .strictObject({
    id: slugSchema.describe('The course id, a slug such as two-peripheries.'),
    title: textSchema.describe('The course title.'),
    subtitle: textSchema.optional().describe('A subtitle shown under the title, optional.'),
    summary: textSchema.describe('One or more plain-text sentences for the course home page.'),
    language: languageTagSchema.describe('The language of the course as a BCP 47 tag: en, en-GB, de, pt-BR.'),
    level: textSchema
      .meta({ examples: [...courseLevels] })
      .describe(
        'Who the course is pitched at, any text; suggested: primary, secondary, introductory, undergraduate, postgraduate, professional.',
      ),
    audience: textSchema.optional().describe('Free text about the intended learners, optional.'),
    authors: z.array(courseAuthorSchema).min(1).describe('Who wrote the course; at least one.'),
    license: licenseSchema.describe('SPDX license id of the content, e.g. CC-BY-4.0.'),
    estimatedMinutes: z
      .int()
      .positive()
      .describe('Time to take the whole course, in minutes, a positive whole number, e.g. 420.'),
    outcomes: z.array(courseOutcomeSchema).min(1).describe('Course learning outcomes, each with an id.'),
    lessons: z
      .array(slugSchema)
      .min(1)
      .describe('Lesson ids in teaching order; each must be the id of exactly one lesson file.'),
    citationStyle: z
      .enum(citationStyles)
      .default('chicago-author-date')
      .describe(
        'A built-in citation style: chicago-author-date (the default), apa or modern-language-association.',
      ),
    citationStyleFile: cslStylePathSchema
      .optional()
      .describe(
        'A CSL style file in the course folder (styles/ieee.csl), any independent style; when given, citations and bibliographies use it and citationStyle is the fallback for tools that read no files.',
      ),
    bibliography: coursePathSchema('bibliography', ['bib', 'json', 'yaml', 'yml'], 'references.bib').describe(
      'BibTeX (.bib), CSL-JSON (.json) or CSL-YAML (.yaml) file with the references.',
    ),
    glossary: coursePathSchema('glossary', ['yaml', 'yml'], 'glossary.yaml').describe(
      'The glossary file, e.g. glossary.yaml.',
    ),
    timeline: coursePathSchema('timeline', ['yaml', 'yml'], 'timeline.yaml').describe(
      'The timeline file, e.g. timeline.yaml.',
    ),
    timelineLanes: z
      .array(timelineLaneSchema)
      .min(1)
      .optional()
      .describe(
        'Lanes of the timeline, in display order; every event must carry the tag of at least one lane.',
      ),
    timelineGroups: z
      .array(timelineGroupSchema)
      .min(1)
      .optional()
      .describe('Groups of timeline events (an era, a part of the course), in display order; optional.'),
    objectiveVerbs: objectiveVerbsSchema
      .optional()
      .describe('Verbs that may start a lesson objective; the default is the Bloom list of the docs.'),
    reading: courseReadingSchema.optional().describe('The primary source, shown with numbered paragraphs.'),
    grading: courseGradingSchema
      .optional()
      .describe('Class mode: review options and quiz weights in the course total, optional.'),
  })
  .meta({
    title: 'coursekit course.yaml',
    description: 'A coursekit course: what it is and where its files are.',
  })
  .register(contentMeta, { label: 'course.yaml' });

export type Course = z.output<typeof courseSchema>;
export type CourseAuthor = z.output<typeof courseAuthorSchema>;
export type CourseOutcome = z.output<typeof courseOutcomeSchema>;
export type CourseReading = z.output<typeof courseReadingSchema>;
export type TimelineLane = z.output<typeof timelineLaneSchema>;
export type CourseGrading = z.output<typeof courseGradingSchema>;
export type ReviewTime = (typeof reviewTimes)[number];
export type TimelineGroup = z.output<typeof timelineGroupSchema>;
export type ObjectiveVerbs = z.output<typeof objectiveVerbsSchema>;
/** A suggested level, or any other text. */
export type CourseLevel = (typeof courseLevels)[number] | (string & {});
export type CitationStyle = (typeof citationStyles)[number];
