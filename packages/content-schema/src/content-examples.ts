// Good and bad examples of each kind of file, shared by the schema tests and the JSON Schema parity test
// so both are held to the same cases.
import type { ContentKind } from './content-kinds.js';
import { authoredCourse, authoredGlossary, authoredLessons, authoredTimeline } from './test-fixtures.js';

export interface ContentExample {
  name: string;
  data: unknown;
  valid: boolean;
}

type Path = readonly (string | number)[];

/** Marks a field to delete in `edited`. */
const removed = Symbol('removed');

/** A deep copy of `base` with the value at each path replaced (or deleted, for `removed`). */
function edited(base: unknown, ...changes: [Path, unknown][]): unknown {
  const copy: unknown = structuredClone(base);
  for (const [path, value] of changes) {
    let parent = copy as Record<string | number, unknown>;
    for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    if (value === removed) delete parent[key];
    else parent[key] = value;
  }
  return copy;
}

const lesson = authoredLessons[0]?.data;

function courseExample(name: string, valid: boolean, ...changes: [Path, unknown][]): ContentExample {
  return { name, valid, data: edited(authoredCourse, ...changes) };
}
function lessonExample(name: string, valid: boolean, ...changes: [Path, unknown][]): ContentExample {
  return { name, valid, data: edited(lesson, ...changes) };
}
function glossaryExample(name: string, valid: boolean, ...changes: [Path, unknown][]): ContentExample {
  return { name, valid, data: edited(authoredGlossary, ...changes) };
}
function timelineExample(name: string, valid: boolean, ...changes: [Path, unknown][]): ContentExample {
  return { name, valid, data: edited(authoredTimeline, ...changes) };
}

export const contentExamples: Record<ContentKind, ContentExample[]> = {
  course: [
    courseExample('the example course', true),
    courseExample(
      'without the optional subtitle and reading',
      true,
      [['subtitle'], removed],
      [['reading'], removed],
    ),
    courseExample('an author with affiliation and web page', true, [
      ['authors', 0],
      { name: 'A. Teacher', affiliation: 'A university', url: 'https://example.org/a' },
    ]),
    courseExample('an audience', true, [
      ['audience'],
      'Upper-level undergraduates in international relations',
    ]),
    courseExample('missing title', false, [['title'], removed]),
    courseExample('unknown key titel', false, [['titel'], 'Two Peripheries']),
    courseExample('empty title', false, [['title'], '']),
    courseExample('negative time', false, [['estimatedMinutes'], -10]),
    courseExample('fractional time', false, [['estimatedMinutes'], 1.5]),
    courseExample('time as text', false, [['estimatedMinutes'], '420']),
    courseExample('language name', false, [['language'], 'English']),
    courseExample('regional language tag', true, [['language'], 'en-GB']),
    courseExample('a level of its own (levels are open)', true, [['level'], 'secondary']),
    courseExample('a level in words', true, [['level'], 'adult evening classes']),
    courseExample('an empty level', false, [['level'], '']),
    courseExample('free-text license', false, [['license'], 'CC BY 4.0']),
    courseExample('bibliography outside the folder', false, [['bibliography'], '../references.bib']),
    courseExample('CSL-JSON bibliography', true, [['bibliography'], 'references.json']),
    courseExample('no lessons', false, [['lessons'], []]),
    courseExample('a lesson id with spaces', false, [['lessons', 0], 'Rupture and Upswing']),
    courseExample('an author web page that is not http', false, [['authors', 0, 'url'], 'ftp://example.org']),
    courseExample('an author link that runs script', false, [['authors', 0, 'url'], 'javascript:alert(1)']),
    courseExample('an outcome with an unknown key', false, [['outcomes', 0, 'txt'], 'x']),
    courseExample('an unknown citation style', false, [['citationStyle'], 'harvard']),
    courseExample('no citation style (chicago-author-date is the default)', true, [
      ['citationStyle'],
      removed,
    ]),
    courseExample('a CSL style file in the course folder', true, [['citationStyleFile'], 'styles/ieee.csl']),
    courseExample('a CSL style file outside the folder', false, [['citationStyleFile'], '../ieee.csl']),
    courseExample('a style file that is not .csl', false, [['citationStyleFile'], 'styles/ieee.xml']),
    courseExample('objective verbs added', true, [['objectiveVerbs'], { add: ['calculate', 'sketch'] }]),
    courseExample('objective verb check off', true, [['objectiveVerbs'], { severity: 'off' }]),
    courseExample('objective verbs as a sentence', false, [['objectiveVerbs'], { add: ['work out'] }]),
    courseExample('an unknown objective verb severity', false, [['objectiveVerbs'], { severity: 'info' }]),
    courseExample('timeline groups', true, [
      ['timelineGroups'],
      [{ id: 'after-source', label: 'What happened next' }],
    ]),
    courseExample('a timeline group without label', false, [['timelineGroups'], [{ id: 'after-source' }]]),
    courseExample('reading without its citation key', false, [['reading', 'cite'], removed]),
    { name: 'a list instead of fields', data: [authoredCourse], valid: false },
  ],
  'lesson-frontmatter': [
    ...authoredLessons.map(({ file, data }) => ({ name: file, data, valid: true })),
    lessonExample(
      'without optional fields and defaults',
      true,
      ...['prerequisites', 'keyTerms', 'quiz', 'discussion', 'instructorNotes'].map(
        (key): [Path, unknown] => [[key], removed],
      ),
    ),
    // Only a warning of validateCourse now (lesson/objective-verb), so any course can use its own verbs.
    lessonExample('an objective without an observable verb', true, [
      ['objectives', 0, 'text'],
      'Understand the summit',
    ]),
    lessonExample('negative duration', false, [['duration'], -5]),
    lessonExample('zero duration', false, [['duration'], 0]),
    lessonExample('duration over a day', false, [['duration'], 3000]),
    lessonExample('duration in words', false, [['duration'], 'fifty']),
    lessonExample('homework time', true, [['homeworkMinutes'], 40]),
    lessonExample('negative homework time', false, [['homeworkMinutes'], -10]),
    lessonExample('order 0', false, [['order'], 0]),
    lessonExample('unknown key titel', false, [['titel'], 'x']),
    lessonExample('no objectives', false, [['objectives'], []]),
    lessonExample('id with capitals', false, [['id'], 'Rupture And Upswing']),
    lessonExample('missing key points', false, [['keyPoints'], removed]),
    lessonExample('an empty key point', false, [['keyPoints'], ['']]),
    lessonExample('framing questions as one text', false, [['framingQuestions'], 'Why?']),
    lessonExample('empty instructor notes', false, [['instructorNotes'], '']),
    lessonExample('prerequisites left blank', false, [['prerequisites'], null]),
    { name: 'empty front matter', data: null, valid: false },
  ],
  glossary: [
    glossaryExample('the example glossary', true),
    { name: 'no terms yet', data: { terms: [] }, valid: true },
    glossaryExample('a term without a definition', false, [['terms', 0, 'definition'], removed]),
    glossaryExample('seeAlso with a term name instead of an id', false, [
      ['terms', 0, 'seeAlso'],
      ['Unfriendly Country'],
    ]),
    glossaryExample('a citation key with @', false, [['terms', 0, 'cite'], ['@rinna-two-peripheries']]),
    glossaryExample('unknown key defintion', false, [['terms', 1, 'defintion'], 'x']),
    { name: 'terms at the top level', data: authoredGlossary.terms, valid: false },
    { name: 'missing terms', data: {}, valid: false },
  ],
  timeline: [
    timelineExample('the example timeline', true),
    timelineExample('a leap day', true, [['events', 3, 'date'], '2024-02-29']),
    timelineExample('February 30', false, [['events', 3, 'date'], '2022-02-30']),
    timelineExample('February 29 in a common year', false, [['events', 3, 'date'], '2023-02-29']),
    timelineExample('February 29 in 1900', false, [['events', 3, 'date'], '1900-02-29']),
    timelineExample('month 13', false, [['events', 2, 'date'], '2018-13']),
    timelineExample('unknown precision', false, [['events', 0, 'precision'], 'week']),
    timelineExample('missing precision', false, [['events', 0, 'precision'], removed]),
    timelineExample('a day written for precision year', false, [['events', 0, 'date'], '1996-01-01']),
    timelineExample('an end month for a day event', false, [['events', 3, 'endDate'], '2019-02']),
    timelineExample('a year as a number (unquoted in YAML)', false, [['events', 0, 'date'], 1996]),
    timelineExample('a tag that is not a slug', false, [['events', 0, 'tags'], ['Eastern Europe']]),
    timelineExample('no tags', false, [['events', 0, 'tags'], []]),
    timelineExample('afterArticle as text', false, [['events', 0, 'afterArticle'], 'no']),
    timelineExample('no afterArticle (it is optional)', true, [['events', 0, 'afterArticle'], removed]),
    timelineExample('an event in a group', true, [['events', 0, 'group'], 'after-source']),
    timelineExample('a group that is not a slug', false, [['events', 0, 'group'], 'After the source']),
    timelineExample('unknown key actor', false, [['events', 0, 'actor'], 'Russia']),
  ],
};
