import { describe, expect, it } from 'vitest';
import { loadCourseOutline } from './course';
import { buildDashboard } from './dashboard';
import { loadQuizzes } from './quizzes';
import type { AttemptRecord, ItemStatistic } from './storage/types';
import { fixtureCourseDir } from './testing';

async function dashboardWith(attempts: AttemptRecord[], items: ItemStatistic[] = []) {
  return buildDashboard({
    classRecord: { id: 'cls_1', name: 'P3', joinCode: 'ABCDEF', createdAt: 0 },
    outline: await loadCourseOutline(fixtureCourseDir),
    quizzes: await loadQuizzes(fixtureCourseDir),
    students: [
      { id: 'stu_1', classId: 'cls_1', displayName: 'Ada', createdAt: 0 },
      { id: 'stu_2', classId: 'cls_1', displayName: 'Ben', createdAt: 0 },
    ],
    attempts,
    completions: [
      { learnerId: 'stu_2', studentId: 'stu_2', classId: 'cls_1', lessonId: 'treaties', completedAt: 5 },
    ],
    items,
  });
}

function attempt(studentId: string, quizId: string, percent: number): AttemptRecord {
  return {
    id: `att_${studentId}_${percent}`,
    learnerId: studentId,
    studentId,
    classId: 'cls_1',
    quizId,
    attemptNumber: 1,
    idempotencyKey: 'k',
    score: 0,
    maxScore: 0,
    percent,
    passed: false,
    seed: 's',
    steps: [{ action: 'submit' }],
    submittedAt: 0,
  };
}

describe('buildDashboard', () => {
  it('fills the roster × lessons grid with completion, best score and attempt count', async () => {
    const dashboard = await dashboardWith([
      attempt('stu_1', 'summits-and-workers', 50),
      attempt('stu_1', 'summits-and-workers', 75),
    ]);
    expect(dashboard.lessons.map((l) => l.id)).toEqual(['summits-and-workers', 'treaties', 'un-votes']);
    const [ada, ben] = dashboard.students;
    expect(ada?.lessons['summits-and-workers']).toEqual({
      completed: false,
      completedAt: null,
      bestPercentage: 75,
      attempts: 2,
      pendingMarks: 0,
      awaitingMarking: false,
    });
    expect(ben?.lessons.treaties).toEqual({
      completed: true,
      completedAt: '1970-01-01T00:00:00.005Z',
      bestPercentage: null,
      attempts: 0,
      pendingMarks: 0,
      awaitingMarking: false,
    });
  });

  it('lists every gradable question for item analysis and each lesson’s teacher notes and essay guidance', async () => {
    const dashboard = await dashboardWith([]);
    const votes = dashboard.itemAnalysis.find((q) => q.quizId === 'un-votes');
    expect(votes?.questions.map((q) => [q.questionId, q.responses, q.correctShare])).toEqual([
      ['dprk-vote', 0, null],
    ]);
    const notes = dashboard.teacherNotes.find((n) => n.lessonId === 'un-votes');
    expect(notes?.answerGuidance).toEqual([
      expect.objectContaining({
        questionId: 'reflect',
        guidance: expect.stringMatching(/^Credit answers/),
        rubric: expect.any(Array),
      }),
    ]);
    expect(dashboard.teacherNotes[0]?.instructorBlocks[0]).toContain('Plan (30 minutes)');
  });

  it('reports the average share of the points beside the share of fully correct answers', async () => {
    const dashboard = await dashboardWith(
      [],
      [
        {
          quizId: 'un-votes',
          questionId: 'dprk-vote',
          responses: 4,
          correct: 1,
          credit: 2.5,
          topWrongAnswer: 'Abstained',
          topWrongCount: 2,
        },
      ],
    );
    const row = dashboard.itemAnalysis.find((q) => q.quizId === 'un-votes')?.questions[0];
    expect(row).toMatchObject({ responses: 4, correctShare: 25, meanScore: 62.5 });
  });
});
