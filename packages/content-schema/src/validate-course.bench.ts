import { bench, describe } from 'vitest';
import { stringify } from 'yaml';
import type { Bundle } from './bundle.js';
import { parseContent } from './content-kinds.js';
import { authoredGlossary, authoredLessons, authoredTimeline, validBundle } from './test-fixtures.js';
import { validateCourse } from './validate-course.js';
import { createYamlLocator } from './yaml-locate.js';

// A course far larger than any real one: 400 lessons in a prerequisite chain, 3000 terms, 2000 events.
const lessonCount = 400;
const termCount = 3000;
const eventCount = 2000;
// The glossary as YAML text, for the locator.
const yamlTermCount = 1000;

function largeBundle(): Bundle {
  const base = validBundle();
  const template = base.lessons[0];
  const termTemplate = base.glossary?.data.terms[0];
  const eventTemplate = base.timeline?.data.events[3];
  if (!template || !termTemplate || !eventTemplate || !base.glossary || !base.timeline) {
    throw new Error('the example course is incomplete');
  }
  const lessonIds = Array.from({ length: lessonCount }, (_, index) => `lesson-${index + 1}`);
  const termIds = Array.from({ length: termCount }, (_, index) => `term-${index + 1}`);
  return {
    ...base,
    course: {
      ...base.course,
      data: { ...base.course.data, lessons: lessonIds, estimatedMinutes: 50 * lessonCount },
    },
    lessons: lessonIds.map((id, index) => ({
      file: `lessons/${String(index + 1).padStart(3, '0')}-${id}.mdx`,
      data: {
        ...template.data,
        id,
        order: index + 1,
        prerequisites: index === 0 ? [] : [lessonIds[index - 1] as string],
        keyTerms: termIds.slice(index * 5, index * 5 + 5),
      },
    })),
    glossary: {
      ...base.glossary,
      data: {
        terms: termIds.map((id, index) => ({
          ...termTemplate,
          id,
          term: `Term ${index + 1}`,
          aliases: [],
          seeAlso: [termIds[(index + 1) % termCount] as string],
        })),
      },
    },
    timeline: {
      ...base.timeline,
      data: {
        events: Array.from({ length: eventCount }, (_, index) => ({
          ...eventTemplate,
          id: `event-${index + 1}`,
        })),
      },
    },
    quizzes: [],
  };
}

const bundle = largeBundle();
const glossaryYaml = stringify({
  terms: Array.from({ length: yamlTermCount }, (_, index) => ({
    ...authoredGlossary.terms[0],
    id: `term-${index + 1}`,
  })),
});
const locate = createYamlLocator(glossaryYaml);

describe(`validateCourse (${lessonCount} lessons, ${termCount} terms, ${eventCount} events)`, () => {
  bench('validateCourse', () => {
    validateCourse(bundle);
  });
});

describe('schemas', () => {
  bench('parseContent: one valid lesson front matter', () => {
    parseContent('lesson-frontmatter', authoredLessons[0]?.data, 'lessons/01-rupture-and-upswing.mdx');
  });
  bench('parseContent: one lesson front matter with five problems', () => {
    parseContent(
      'lesson-frontmatter',
      {
        ...authoredLessons[0]?.data,
        titel: 'x',
        duration: -5,
        order: 'one',
        objectives: [],
        keyPoints: [''],
      },
      'lessons/01-rupture-and-upswing.mdx',
    );
  });
  bench('parseContent: the example timeline', () => {
    parseContent('timeline', authoredTimeline, 'timeline.yaml');
  });
});

describe(`YAML locator (${yamlTermCount} glossary terms, ${glossaryYaml.length} characters)`, () => {
  bench('createYamlLocator (parse once)', () => {
    createYamlLocator(glossaryYaml);
  });
  bench('locate a pointer near the end', () => {
    locate(`/terms/${yamlTermCount - 1}/definition`);
  });
});
