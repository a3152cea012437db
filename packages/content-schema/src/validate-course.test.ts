import { describe, expect, it } from 'vitest';
import type { Bundle } from './bundle.js';
import type { CourseIssue } from './course-issue.js';
import type { QuizSummary } from './quiz-summary.js';
import { validBundle } from './test-fixtures.js';
import { validateCourse } from './validate-course.js';

type Lesson = Bundle['lessons'][number];

function lessonOf(bundle: Bundle, index: number): Lesson {
  const lesson = bundle.lessons[index];
  if (!lesson) throw new Error(`the example course has no lesson ${index}`);
  return lesson;
}

/** A copy of `quiz` whose question at `position` measures `objectives`. */
function withObjectives(quiz: QuizSummary, position: number, objectives: string[]): QuizSummary {
  return {
    ...quiz,
    questions: quiz.questions.map((question, index) =>
      index === position ? { ...question, objectives } : question,
    ),
  };
}

/** The issues of one rule, as `file pointer severity`, with the message and suggestion kept separately. */
function issuesOf(bundle: Bundle, ruleId: string): CourseIssue[] {
  return validateCourse(bundle).issues.filter((issue) => issue.ruleId === ruleId);
}

describe('validateCourse', () => {
  it('finds nothing wrong with the example course', () => {
    expect(validateCourse(validBundle())).toEqual({ ok: true, issues: [] });
  });

  it('returns every issue at once, grouped by file', () => {
    const bundle = validBundle();
    lessonOf(bundle, 0).data.keyTerms = ['sanctions'];
    lessonOf(bundle, 1).data.prerequisites = ['rupture-and-upswng'];
    bundle.course.data.lessons.push('missing-lesson');
    const result = validateCourse(bundle);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => `${issue.file} ${issue.ruleId}`)).toEqual([
      'course.yaml course/missing-lesson',
      'lessons/01-rupture-and-upswing.mdx lesson/unknown-key-term',
      'lessons/02-sanctions-and-workers.mdx lesson/unknown-prerequisite',
    ]);
  });

  describe('lessons listed in course.yaml', () => {
    it('reports a listed lesson without a file, suggesting an unlisted lesson', () => {
      const bundle = validBundle();
      bundle.course.data.lessons[2] = 'equidistance-under-stress';
      expect(issuesOf(bundle, 'course/missing-lesson')).toEqual([
        {
          file: 'course.yaml',
          pointer: '/lessons/2',
          message:
            "the course lists lesson 'equidistance-under-stress', but no lesson file has id: equidistance-under-stress",
          ruleId: 'course/missing-lesson',
          severity: 'error',
          expected: ['equidistance-under-strain'],
        },
      ]);
      expect(issuesOf(bundle, 'course/unlisted-lesson')).toMatchObject([
        { file: 'lessons/03-equidistance-under-strain.mdx', pointer: '/id', severity: 'warning' },
      ]);
    });

    it('reports a lesson listed twice', () => {
      const bundle = validBundle();
      bundle.course.data.lessons.push('rupture-and-upswing');
      expect(issuesOf(bundle, 'course/duplicate-lesson')).toMatchObject([
        {
          pointer: '/lessons/3',
          message: "lesson 'rupture-and-upswing' is listed twice (items 1 and 4); list each lesson once",
        },
      ]);
    });

    it('reports two lesson files with the same id', () => {
      const bundle = validBundle();
      lessonOf(bundle, 1).data.id = 'rupture-and-upswing';
      expect(issuesOf(bundle, 'lesson/duplicate-id')).toMatchObject([
        {
          file: 'lessons/02-sanctions-and-workers.mdx',
          pointer: '/id',
          message:
            "lesson id 'rupture-and-upswing' is also used by lessons/01-rupture-and-upswing.mdx; each lesson needs its own id",
        },
      ]);
    });
  });

  describe('lesson order', () => {
    it('reports two lessons with the same order', () => {
      const bundle = validBundle();
      lessonOf(bundle, 2).data.order = 2;
      expect(issuesOf(bundle, 'lesson/duplicate-order')).toMatchObject([
        {
          file: 'lessons/03-equidistance-under-strain.mdx',
          pointer: '/order',
          message:
            'order 2 is also used by lessons/02-sanctions-and-workers.mdx; give each lesson its own order',
        },
      ]);
    });

    it('warns when the orders disagree with the lesson list, and accepts gaps', () => {
      const gaps = validBundle();
      lessonOf(gaps, 2).data.order = 10;
      expect(validateCourse(gaps).issues).toEqual([]);

      const swapped = validBundle();
      lessonOf(swapped, 0).data.order = 5;
      expect(issuesOf(swapped, 'lesson/order-mismatch')).toMatchObject([
        { file: 'lessons/02-sanctions-and-workers.mdx', pointer: '/order', severity: 'warning' },
      ]);
      expect(validateCourse(swapped).ok).toBe(true);
    });
  });

  it('warns when a file name and its lesson id disagree', () => {
    const bundle = validBundle();
    const lesson = lessonOf(bundle, 1);
    (bundle.lessons as Lesson[])[1] = { ...lesson, file: 'lessons/02-sanctions.mdx' };
    expect(issuesOf(bundle, 'lesson/file-name-mismatch')).toMatchObject([
      {
        file: 'lessons/02-sanctions.mdx',
        message:
          "the file name says 'sanctions' but the id is 'sanctions-and-workers'; rename the file to 02-sanctions-and-workers.mdx or change the id",
        severity: 'warning',
      },
    ]);
  });

  it('reports an objective id used twice in a lesson', () => {
    const bundle = validBundle();
    const objectives = lessonOf(bundle, 0).data.objectives;
    objectives.push({ ...(objectives[0] as (typeof objectives)[number]) });
    expect(issuesOf(bundle, 'lesson/duplicate-objective')).toMatchObject([{ pointer: '/objectives/2/id' }]);
  });

  it('warns when the lessons take longer than the course estimate', () => {
    const bundle = validBundle();
    bundle.course.data.estimatedMinutes = 120;
    expect(issuesOf(bundle, 'course/estimate-below-lessons')).toMatchObject([
      {
        file: 'course.yaml',
        pointer: '/estimatedMinutes',
        message:
          'the lessons add up to 150 minutes, more than estimatedMinutes (120); raise the estimate or shorten the lessons',
        severity: 'warning',
      },
    ]);
  });

  describe('prerequisites', () => {
    it('reports an unknown prerequisite with the closest lesson id', () => {
      const bundle = validBundle();
      lessonOf(bundle, 2).data.prerequisites = ['rupture-and-upswing', 'sanction-and-workers'];
      expect(issuesOf(bundle, 'lesson/unknown-prerequisite')).toEqual([
        {
          file: 'lessons/03-equidistance-under-strain.mdx',
          pointer: '/prerequisites/1',
          message: "unknown prerequisite 'sanction-and-workers': no lesson has this id",
          ruleId: 'lesson/unknown-prerequisite',
          severity: 'error',
          expected: ['sanctions-and-workers'],
        },
      ]);
    });

    it('reports a loop once, naming each step, without also warning about its order', () => {
      const bundle = validBundle();
      lessonOf(bundle, 0).data.prerequisites = ['equidistance-under-strain'];
      const issues = validateCourse(bundle).issues;
      expect(issues.filter((issue) => issue.ruleId === 'lesson/prerequisite-cycle')).toEqual([
        {
          file: 'lessons/03-equidistance-under-strain.mdx',
          pointer: '/prerequisites/0',
          message:
            "prerequisites go round in a loop: 'rupture-and-upswing' needs 'equidistance-under-strain', 'equidistance-under-strain' needs 'rupture-and-upswing'; remove one of these prerequisites",
          ruleId: 'lesson/prerequisite-cycle',
          severity: 'error',
        },
      ]);
      expect(issues.filter((issue) => issue.ruleId === 'lesson/prerequisite-taught-later')).toEqual([]);
    });

    it('finds a longer loop and a lesson that requires itself', () => {
      const bundle = validBundle();
      lessonOf(bundle, 0).data.prerequisites = ['equidistance-under-strain'];
      lessonOf(bundle, 2).data.prerequisites = ['sanctions-and-workers'];
      lessonOf(bundle, 1).data.prerequisites = ['rupture-and-upswing', 'sanctions-and-workers'];
      const messages = issuesOf(bundle, 'lesson/prerequisite-cycle').map((issue) => issue.message);
      expect(messages).toHaveLength(2);
      expect(messages).toContain("lesson 'sanctions-and-workers' lists itself as a prerequisite; remove it");
      expect(messages.find((message) => message.startsWith('prerequisites go round'))).toContain(
        "'equidistance-under-strain' needs 'sanctions-and-workers'",
      );
    });

    it('warns about a prerequisite taught after the lesson that needs it', () => {
      const bundle = validBundle();
      lessonOf(bundle, 1).data.prerequisites = ['equidistance-under-strain'];
      expect(issuesOf(bundle, 'lesson/prerequisite-taught-later')).toMatchObject([
        { file: 'lessons/02-sanctions-and-workers.mdx', pointer: '/prerequisites/0', severity: 'warning' },
      ]);
    });
  });

  describe('outcomes', () => {
    it('reports a lesson outcome the course does not have', () => {
      const bundle = validBundle();
      lessonOf(bundle, 1).data.outcomes = ['assess-sanction'];
      expect(issuesOf(bundle, 'lesson/unknown-outcome')).toMatchObject([
        {
          pointer: '/outcomes/0',
          message:
            "unknown course outcome 'assess-sanction': the outcomes in course.yaml are explain-convergence, assess-sanctions",
          expected: ['assess-sanctions'],
        },
      ]);
      expect(issuesOf(bundle, 'course/unserved-outcome')).toMatchObject([
        { file: 'course.yaml', pointer: '/outcomes/1/id', severity: 'warning' },
      ]);
    });

    it('reports an outcome id used twice', () => {
      const bundle = validBundle();
      const outcomes = bundle.course.data.outcomes;
      outcomes.push({ id: 'explain-convergence', text: 'Explain the convergence again.' });
      expect(issuesOf(bundle, 'course/duplicate-outcome')).toMatchObject([{ pointer: '/outcomes/2/id' }]);
    });
  });

  describe('glossary', () => {
    it('reports a key term missing from the glossary, suggesting the id of a term written by name', () => {
      const bundle = validBundle();
      lessonOf(bundle, 2).data.keyTerms = ['diplomatic equidistance', 'unfriendly-countries'];
      expect(
        issuesOf(bundle, 'lesson/unknown-key-term').map((issue) => [issue.pointer, issue.expected]),
      ).toEqual([
        ['/keyTerms/0', ['equidistance']],
        ['/keyTerms/1', ['unfriendly-country']],
      ]);
    });

    it('reports unknown and circular see-also references', () => {
      const bundle = validBundle();
      const [first, second] = bundle.glossary?.data.terms ?? [];
      if (!first || !second) throw new Error('the example glossary has two terms');
      first.seeAlso = ['unfriendly-contry'];
      second.seeAlso = ['unfriendly-country'];
      expect(issuesOf(bundle, 'glossary/unknown-see-also')).toMatchObject([
        {
          file: 'glossary.yaml',
          pointer: '/terms/0/seeAlso/0',
          expected: ['unfriendly-country'],
        },
      ]);
      expect(issuesOf(bundle, 'glossary/self-reference')).toMatchObject([
        { pointer: '/terms/1/seeAlso/0', severity: 'warning' },
      ]);
    });

    it('reports a term id used twice and warns about a term defined twice', () => {
      const bundle = validBundle();
      const terms = bundle.glossary?.data.terms ?? [];
      terms.push({ ...(terms[0] as (typeof terms)[number]) });
      terms.push({ id: 'balancing', term: 'Diplomatic equidistance', definition: 'Another definition.' });
      expect(issuesOf(bundle, 'glossary/duplicate-id')).toMatchObject([{ pointer: '/terms/2/id' }]);
      expect(issuesOf(bundle, 'glossary/duplicate-term')).toMatchObject([
        {
          pointer: '/terms/3/term',
          message:
            "'Diplomatic equidistance' is also a term or alias of 'equidistance'; readers would not know which definition is meant",
        },
      ]);
    });

    it('skips glossary checks when the glossary could not be loaded', () => {
      const bundle = validBundle();
      bundle.glossary = undefined;
      expect(validateCourse(bundle).issues).toEqual([]);
    });
  });

  describe('timeline', () => {
    it('reports an event id used twice', () => {
      const bundle = validBundle();
      const events = bundle.timeline?.data.events ?? [];
      events.push({ ...(events[3] as (typeof events)[number]) });
      expect(issuesOf(bundle, 'timeline/duplicate-id')).toMatchObject([
        { file: 'timeline.yaml', pointer: '/events/6/id' },
      ]);
    });

    it('reports dates that are not real even when the data skipped the schema', () => {
      const bundle = validBundle();
      const event = bundle.timeline?.data.events[3];
      if (!event) throw new Error('the example timeline has a fourth event');
      event.date = '2019-02-30';
      expect(issuesOf(bundle, 'timeline/invalid-date')).toEqual([
        {
          file: 'timeline.yaml',
          pointer: '/events/3/date',
          message: 'date "2019-02-30" is not a real date: February 2019 has 28 days',
          ruleId: 'timeline/invalid-date',
          severity: 'error',
        },
      ]);
    });

    it('reports an event in no lane of course.yaml, suggesting the lane it probably meant', () => {
      const bundle = validBundle();
      const event = bundle.timeline?.data.events[3];
      if (!event) throw new Error('the example timeline has a fourth event');
      event.tags = ['north-east-asia'];
      expect(issuesOf(bundle, 'timeline/no-lane')).toMatchObject([
        {
          file: 'timeline.yaml',
          pointer: '/events/3/tags',
          message: `event '${event.id}' is in no timeline lane; add one of the lane tags from course.yaml: eastern-europe, northeast-asia`,
          expected: ['northeast-asia'],
        },
      ]);
    });

    it('accepts any tags when course.yaml declares no lanes', () => {
      const bundle = validBundle();
      delete bundle.course.data.timelineLanes;
      const event = bundle.timeline?.data.events[3];
      if (!event) throw new Error('the example timeline has a fourth event');
      event.tags = ['diplomacy'];
      expect(validateCourse(bundle).issues).toEqual([]);
    });

    it('reports an event that ends before it starts', () => {
      const bundle = validBundle();
      const event = bundle.timeline?.data.events[3];
      if (!event) throw new Error('the example timeline has a fourth event');
      event.endDate = '2019-02-26';
      expect(issuesOf(bundle, 'timeline/end-before-start')).toMatchObject([
        {
          pointer: '/events/3/endDate',
          message: 'endDate 2019-02-26 is before date 2019-02-27; swap them or correct one',
        },
      ]);
    });
  });

  describe('citations', () => {
    it('reports citation keys missing from the bibliography, in every file that cites', () => {
      const bundle = validBundle();
      bundle.referenceKeys = ['rinna-two-peripheries-2022', 'unsc-res-2397'];
      const issues = issuesOf(bundle, 'citation/unknown-key');
      expect(issues.map((issue) => `${issue.file} ${issue.pointer}`)).toEqual([
        'course.yaml /reading/cite',
        'glossary.yaml /terms/0/cite/0',
        'glossary.yaml /terms/1/cite/0',
        'timeline.yaml /events/2/cite/0',
        'timeline.yaml /events/3/cite/0',
      ]);
      expect(issues[0]).toMatchObject({
        message: "unknown citation key 'rinna-two-peripheries'; add it to the references or fix the key",
        expected: ['rinna-two-peripheries-2022'],
      });
    });

    it('skips citation keys when no bibliography was loaded, but still wants a source for a locator', () => {
      const bundle = validBundle();
      bundle.referenceKeys = undefined;
      const event = bundle.timeline?.data.events[2];
      if (!event) throw new Error('the example timeline has a third event');
      event.cite = undefined;
      expect(validateCourse(bundle).issues).toMatchObject([
        {
          file: 'timeline.yaml',
          pointer: '/events/2/locator',
          ruleId: 'citation/locator-without-source',
          severity: 'warning',
        },
      ]);
    });
  });

  describe('files that exist but could not be checked', () => {
    it('reports no missing lesson, prerequisite or quiz for them, and no unused quiz that a lesson embeds', () => {
      const bundle = validBundle();
      const broken = bundle.lessons[1]?.data.id as string;
      bundle.lessons = bundle.lessons.filter((lesson) => lesson.data.id !== broken);
      lessonOf(bundle, 1).data.prerequisites = [broken];
      lessonOf(bundle, 0).data.quiz = 'broken-quiz';
      const usedQuiz = bundle.quizzes?.[0]?.id as string;
      const found = (extra: Partial<Bundle>) =>
        validateCourse({ ...bundle, ...extra })
          .issues.map((issue) => issue.ruleId)
          .filter((id) =>
            [
              'course/missing-lesson',
              'lesson/unknown-prerequisite',
              'lesson/unknown-quiz',
              'quiz/unused',
            ].includes(id),
          );
      expect(found({}).sort()).toEqual([
        'course/missing-lesson',
        'lesson/unknown-prerequisite',
        'lesson/unknown-quiz',
        'quiz/unused',
      ]);
      expect(
        found({ brokenLessonIds: [broken], brokenQuizIds: ['broken-quiz'], embeddedQuizIds: [usedQuiz] }),
      ).toEqual([]);
    });
  });

  describe('quizzes', () => {
    it('reports a lesson quiz that does not exist', () => {
      const bundle = validBundle();
      lessonOf(bundle, 0).data.quiz = 'rupture-upswing';
      expect(issuesOf(bundle, 'lesson/unknown-quiz')).toMatchObject([
        { pointer: '/quiz', expected: ['rupture-and-upswing'] },
      ]);
      expect(issuesOf(bundle, 'quiz/unused')).toMatchObject([
        { file: 'quizzes/rupture-and-upswing.yaml', pointer: '/id', severity: 'warning' },
      ]);
    });

    it('reports a question objective that the lesson using the quiz does not have', () => {
      const bundle = validBundle();
      const quiz = bundle.quizzes?.[0];
      if (!quiz) throw new Error('the example course has a quiz');
      bundle.quizzes = [withObjectives(quiz, 1, ['explain-rupture', 'explain-workers'])];
      expect(issuesOf(bundle, 'quiz/unknown-objective')).toEqual([
        {
          file: 'quizzes/rupture-and-upswing.yaml',
          pointer: '/questions/1/objectives/1',
          message:
            "question 'secondary-ties' measures objective 'explain-workers', which lesson 'rupture-and-upswing' does not have; its objectives are explain-rupture, describe-upswing",
          ruleId: 'quiz/unknown-objective',
          severity: 'error',
        },
      ]);
    });

    it('accepts objectives of any lesson that uses a shared quiz', () => {
      const bundle = validBundle();
      lessonOf(bundle, 1).data.quiz = 'rupture-and-upswing';
      const quiz = bundle.quizzes?.[0];
      if (!quiz) throw new Error('the example course has a quiz');
      bundle.quizzes = [withObjectives(quiz, 1, ['explain-workers'])];
      expect(validateCourse(bundle).issues).toEqual([]);
    });

    it('reports two quizzes with the same id', () => {
      const bundle = validBundle();
      const quiz = bundle.quizzes?.[0];
      if (!quiz) throw new Error('the example course has a quiz');
      bundle.quizzes = [quiz, { ...quiz, file: 'quizzes/rupture-and-upswing.gift' }];
      expect(issuesOf(bundle, 'quiz/duplicate-id')).toMatchObject([
        {
          file: 'quizzes/rupture-and-upswing.gift',
          message:
            "quiz id 'rupture-and-upswing' is also used by quizzes/rupture-and-upswing.yaml; each quiz needs its own id",
        },
      ]);
    });

    it('skips quiz checks when the quizzes are not given', () => {
      const bundle = validBundle();
      bundle.quizzes = undefined;
      lessonOf(bundle, 0).data.quiz = 'no-such-quiz';
      expect(validateCourse(bundle).issues).toEqual([]);
    });
  });
});
