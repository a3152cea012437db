import { z } from 'zod';
import { contentMeta } from './content-meta.js';
import { objectiveTextSchema } from './objective-verb.js';
import { slugSchema } from './slug.js';
import { textSchema } from './text.js';

/** Longest lesson accepted, in minutes: anything longer is almost certainly a slip (hours for minutes). */
export const maxLessonMinutes = 24 * 60;

export const lessonObjectiveSchema = z
  .strictObject({
    id: slugSchema.describe('A slug that quiz questions use in their `objectives` list.'),
    text: objectiveTextSchema.describe(
      'Starts with an observable verb: explain, compare, identify, evaluate, ...',
    ),
  })
  .register(contentMeta, { label: 'objective' });

/** The YAML front matter of `lessons/NN-slug.mdx`. */
export const lessonFrontmatterSchema = z
  .strictObject({
    id: slugSchema.describe(
      'The lesson id, the slug of the file name (01-rupture-and-upswing.mdx -> rupture-and-upswing).',
    ),
    title: textSchema.describe('The lesson title.'),
    summary: textSchema.describe('One or two sentences about the lesson.'),
    order: z
      .int()
      .positive()
      .describe('Position in the course, a positive whole number used by no other lesson.'),
    duration: z
      .int()
      .positive()
      .max(maxLessonMinutes)
      .describe('Lesson length in minutes, a positive whole number, e.g. 50.'),
    homeworkMinutes: z
      .int()
      .min(0)
      .max(maxLessonMinutes)
      .optional()
      .describe(
        'Minutes of work outside class (reading the source, preparing, finishing quizzes and essays), e.g. 40; optional.',
      ),
    objectives: z
      .array(lessonObjectiveSchema)
      .min(1)
      .describe('What a learner will be able to do; at least one.'),
    framingQuestions: z.array(textSchema).min(1).describe('Questions the lesson sets out to answer.'),
    keyPoints: z.array(textSchema).min(1).describe('The points a learner should take away.'),
    prerequisites: z.array(slugSchema).default([]).describe('Ids of lessons to take first.'),
    keyTerms: z.array(slugSchema).default([]).describe('Ids of glossary terms the lesson introduces.'),
    outcomes: z.array(slugSchema).min(1).describe('Ids of the course outcomes this lesson serves.'),
    quiz: slugSchema.optional().describe('Id of the quiz the lesson uses (quizzes/<id>.yaml), optional.'),
    discussion: z.array(textSchema).min(1).optional().describe('Discussion prompts, optional.'),
    instructorNotes: textSchema
      .optional()
      .describe('Teacher-only notes in Markdown; never shown to students.'),
  })
  .meta({ title: 'coursekit lesson front matter', description: 'The front matter of a coursekit lesson.' })
  .register(contentMeta, { label: 'lesson front matter' });

export type LessonFrontmatter = z.output<typeof lessonFrontmatterSchema>;
export type LessonObjective = z.output<typeof lessonObjectiveSchema>;
