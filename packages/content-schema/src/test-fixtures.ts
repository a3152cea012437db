// Example content for the tests: a small version of the "Two Peripheries" course. Facts come only from
// the source article (Rinna, "Two Peripheries") and FACTS.md beside it.
import type { Bundle } from './bundle.js';
import { courseSchema } from './course-schema.js';
import { glossarySchema } from './glossary-schema.js';
import { lessonFrontmatterSchema } from './lesson-frontmatter-schema.js';
import type { QuizSummary } from './quiz-summary.js';
import { timelineSchema } from './timeline-schema.js';

export const authoredCourse = {
  id: 'two-peripheries',
  title: 'Two Peripheries',
  subtitle: 'The Ukraine War and North Korea–Russia Relations',
  summary: "How Russia's full-scale invasion of Ukraine changed relations between Moscow and Pyongyang.",
  language: 'en',
  level: 'undergraduate',
  authors: [{ name: 'coursekit contributors' }],
  license: 'CC-BY-4.0',
  estimatedMinutes: 180,
  outcomes: [
    { id: 'explain-convergence', text: 'Explain why Moscow and Pyongyang drew closer after February 2022.' },
    { id: 'assess-sanctions', text: 'Assess how the war has affected UN sanctions on the DPRK.' },
  ],
  lessons: ['rupture-and-upswing', 'sanctions-and-workers', 'equidistance-under-strain'],
  citationStyle: 'chicago-author-date',
  bibliography: 'references.bib',
  glossary: 'glossary.yaml',
  timeline: 'timeline.yaml',
  timelineLanes: [
    { id: 'eastern-europe', label: 'Eastern Europe' },
    { id: 'northeast-asia', label: 'Northeast Asia' },
  ],
  reading: { file: 'reading.md', cite: 'rinna-two-peripheries' },
};

export const authoredLessons = [
  {
    file: 'lessons/01-rupture-and-upswing.mdx',
    data: {
      id: 'rupture-and-upswing',
      title: 'From Rupture to Upswing',
      summary: 'Why ties of secondary importance since the 1990s became more mutually beneficial in 2022.',
      order: 1,
      duration: 50,
      objectives: [
        {
          id: 'explain-rupture',
          text: 'Explain why Moscow-Pyongyang ties were of secondary importance after the 1990s rupture.',
        },
        { id: 'describe-upswing', text: 'Describe how the April 2019 summit prepared the 2022 upswing.' },
      ],
      framingQuestions: ['Why did Moscow-Pyongyang relations become more mutually beneficial in 2022?'],
      keyPoints: [
        'The roots of the upswing go back to the April 2019 summit between Kim Jong Un and Vladimir Putin.',
      ],
      prerequisites: [],
      keyTerms: [],
      outcomes: ['explain-convergence'],
      quiz: 'rupture-and-upswing',
      discussion: ['What did each side want from the other in 2022?'],
      instructorNotes: 'Start from paragraph 1 of the reading.',
    },
  },
  {
    file: 'lessons/02-sanctions-and-workers.mdx',
    data: {
      id: 'sanctions-and-workers',
      title: 'Sanctions and Workers',
      summary: 'North Korean workers in Russia and UN Security Council Resolution 2397.',
      order: 2,
      duration: 50,
      objectives: [
        {
          id: 'explain-workers',
          text: 'Explain why North Korean workers in Russia matter for Resolution 2397.',
        },
      ],
      framingQuestions: ['What did Resolution 2397 require of states hosting DPRK workers?'],
      keyPoints: ['Resolution 2397 required states to send DPRK workers home within 24 months.'],
      prerequisites: ['rupture-and-upswing'],
      outcomes: ['assess-sanctions'],
    },
  },
  {
    file: 'lessons/03-equidistance-under-strain.mdx',
    data: {
      id: 'equidistance-under-strain',
      title: 'Equidistance under Strain',
      summary: "How Seoul's support for Ukraine complicates Moscow's balancing between the two Koreas.",
      order: 3,
      duration: 50,
      objectives: [
        {
          id: 'compare-koreas',
          text: "Compare Moscow's relations with Seoul and with Pyongyang after 2022.",
        },
      ],
      framingQuestions: ["Why does Seoul's support for Ukraine matter to Moscow?"],
      keyPoints: ['Russia put the Republic of Korea on its list of "unfriendly" countries in March 2022.'],
      prerequisites: ['rupture-and-upswing'],
      keyTerms: ['equidistance', 'unfriendly-country'],
      outcomes: ['explain-convergence'],
    },
  },
];

export const authoredGlossary = {
  terms: [
    {
      id: 'equidistance',
      term: 'Equidistance',
      definition:
        "Moscow's strategy, practised since the mid-1990s, of balancing its relations with Pyongyang and Seoul to keep leverage on the Korean Peninsula.",
      aliases: ['diplomatic equidistance'],
      seeAlso: ['unfriendly-country'],
      cite: ['rinna-two-peripheries'],
      locator: 'para. 3',
    },
    {
      id: 'unfriendly-country',
      term: 'Unfriendly country',
      definition:
        "Russia's designation for the countries and territories on a list it published in March 2022; the Republic of Korea is on it.",
      seeAlso: ['equidistance'],
      cite: ['rinna-two-peripheries'],
      locator: 'para. 3',
    },
  ],
};

export const authoredTimeline = {
  events: [
    {
      id: 'treaty-lapses',
      date: '1996',
      precision: 'year',
      title: 'The 1961 treaty lapses',
      description:
        'Moscow had declined to renew the 1961 Treaty of Friendship, Cooperation and Mutual Assistance.',
      actors: ['Russia', 'DPRK'],
      tags: ['northeast-asia'],
      afterArticle: false,
    },
    {
      id: 'resolution-2397',
      date: '2017-12-22',
      precision: 'day',
      title: 'Security Council adopts Resolution 2397',
      description:
        'States must repatriate DPRK nationals earning income in their jurisdiction within 24 months.',
      actors: ['UN Security Council'],
      tags: ['northeast-asia'],
      cite: ['unsc-res-2397'],
      afterArticle: false,
    },
    {
      id: 'kim-invited',
      date: '2018-05',
      precision: 'month',
      title: 'Moscow invites Kim Jong Un to Russia',
      description: 'Kim waited eleven months before meeting the Russian leader.',
      actors: ['Russia', 'DPRK'],
      tags: ['northeast-asia'],
      cite: ['rinna-two-peripheries'],
      locator: 'para. 2',
      afterArticle: false,
    },
    {
      id: 'hanoi-summit',
      date: '2019-02-27',
      endDate: '2019-02-28',
      precision: 'day',
      title: 'Hanoi summit ends without agreement',
      description: 'The Trump–Kim summit in Hanoi yields few results.',
      actors: ['United States', 'DPRK'],
      tags: ['northeast-asia'],
      cite: ['rinna-two-peripheries'],
      locator: 'para. 2',
      afterArticle: false,
    },
    {
      id: 'full-scale-invasion',
      date: '2022-02-24',
      precision: 'day',
      title: 'Russia launches its full-scale invasion of Ukraine',
      description: 'The war that gives Pyongyang an opening to Moscow.',
      actors: ['Russia', 'Ukraine'],
      tags: ['eastern-europe', 'northeast-asia'],
      afterArticle: false,
    },
    {
      id: 'vostochny-summit',
      date: '2023-09-13',
      precision: 'day',
      title: 'Kim and Putin meet at the Vostochny Cosmodrome',
      description: 'A summit after the article was written.',
      actors: ['Russia', 'DPRK'],
      tags: ['northeast-asia'],
      afterArticle: true,
    },
  ],
};

export const quizSummaries: QuizSummary[] = [
  {
    id: 'rupture-and-upswing',
    file: 'quizzes/rupture-and-upswing.yaml',
    questions: [
      { id: 'summit-year', objectives: ['describe-upswing'], pointer: '/questions/0' },
      { id: 'secondary-ties', objectives: ['explain-rupture'], pointer: '/questions/1' },
    ],
  },
];

export const referenceKeys = ['rinna-two-peripheries', 'unsc-res-2397'];

/** A fresh, valid bundle of the example course; tests change copies of it to make one mistake at a time. */
export function validBundle(): Bundle {
  return {
    course: { file: 'course.yaml', data: courseSchema.parse(structuredClone(authoredCourse)) },
    lessons: authoredLessons.map(({ file, data }) => ({
      file,
      data: lessonFrontmatterSchema.parse(structuredClone(data)),
    })),
    glossary: { file: 'glossary.yaml', data: glossarySchema.parse(structuredClone(authoredGlossary)) },
    timeline: { file: 'timeline.yaml', data: timelineSchema.parse(structuredClone(authoredTimeline)) },
    quizzes: structuredClone(quizSummaries),
    referenceKeys: [...referenceKeys],
  };
}
