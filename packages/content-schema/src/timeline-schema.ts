import { z } from 'zod';
import { calendarDateSchema, type DatePrecision } from './calendar-date.js';
import { citationKeySchema } from './citation-key.js';
import { contentMeta } from './content-meta.js';
import { slugSchema } from './slug.js';
import { textSchema } from './text.js';

// One object per precision, so the form of `date` and `endDate` follows `precision` (also in JSON Schema).
function timelineEventFor<P extends DatePrecision>(precision: P) {
  return z
    .strictObject({
      id: slugSchema.describe('A slug for the event, e.g. hanoi-summit.'),
      date: calendarDateSchema(precision, 'date').describe(
        'ISO date matching precision: "2019" (year), "2019-02" (month), "2019-02-27" (day).',
      ),
      endDate: calendarDateSchema(precision, 'endDate')
        .optional()
        .describe('Last day (or month, or year) of an event that lasted; same form as date; optional.'),
      precision: z.literal(precision).describe('How exactly the date is known: year, month or day.'),
      title: textSchema.describe('What happened, in a few words.'),
      description: textSchema.describe('One or two sentences.'),
      actors: z.array(textSchema).min(1).describe('Who acted, e.g. [United States, DPRK].'),
      tags: z
        .array(slugSchema)
        .min(1)
        .describe(
          'Tags, e.g. [northeast-asia]; the lanes named in course.yaml `timelineLanes` are tags too.',
        ),
      cite: z.array(citationKeySchema).optional().describe('Citation keys of the sources, optional.'),
      locator: textSchema.optional().describe('Where in the cited source, e.g. "para. 2", optional.'),
      group: slugSchema
        .optional()
        .describe(
          'The id of one of the timelineGroups of course.yaml (an era, a part of the course); optional.',
        ),
      afterArticle: z
        .boolean()
        .optional()
        .describe(
          'true for "what happened next": events after the source the course reads (its article, book or speech); optional, false by default.',
        ),
    })
    .register(contentMeta, { label: 'timeline event' });
}

export const timelineEventSchema = z.discriminatedUnion('precision', [
  timelineEventFor('year'),
  timelineEventFor('month'),
  timelineEventFor('day'),
]);

/** `timeline.yaml`: dated events, each with the precision its date is known to. */
export const timelineSchema = z
  .strictObject({
    events: z.array(timelineEventSchema).describe('The timeline events.'),
  })
  .meta({ title: 'coursekit timeline.yaml', description: 'The timeline of a coursekit course.' })
  .register(contentMeta, { label: 'timeline' });

export type Timeline = z.output<typeof timelineSchema>;
export type TimelineEvent = z.output<typeof timelineEventSchema>;
