import { describe, expect, it } from 'vitest';
import type { ClassDashboard, DashboardStudent } from './dashboard';
import { gradebookCsv, gradebookFileName } from './gradebook';

function student(
  displayName: string,
  best: (number | null)[],
  more: { pending?: number[]; completed?: boolean[] } = {},
): DashboardStudent {
  const ids = ['one', 'two', 'three'];
  return {
    id: `stu_${displayName}`,
    displayName,
    identifier: displayName === 'Ada' ? 'S-001' : null,
    joinedAt: '2025-01-01T00:00:00.000Z',
    lessons: Object.fromEntries(
      ids.map((id, i) => [
        id,
        {
          completed: more.completed?.[i] ?? false,
          completedAt: null,
          bestPercentage: best[i] ?? null,
          attempts: best[i] === null || best[i] === undefined ? 0 : 1,
          pendingMarks: more.pending?.[i] ?? 0,
          awaitingMarking: (more.pending?.[i] ?? 0) > 0,
        },
      ]),
    ),
  };
}

const dashboard: ClassDashboard = {
  class: { id: 'cls_1', name: 'P3', joinCode: 'ABCDEF', createdAt: '2025-01-01T00:00:00.000Z' },
  lessons: [
    {
      id: 'one',
      title: 'Summits',
      quizId: 'q1',
      quizTitle: 'Summits, "Workers"',
      weight: 3,
      maxAttempts: 2,
      passMark: 50,
    },
    {
      id: 'two',
      title: 'No quiz here',
      quizId: null,
      quizTitle: null,
      weight: null,
      maxAttempts: null,
      passMark: null,
    },
    {
      id: 'three',
      title: 'UN Votes',
      quizId: 'q3',
      quizTitle: 'UN Votes',
      weight: 1,
      maxAttempts: null,
      passMark: 60,
    },
  ],
  students: [
    student('Ada', [100, null, 62.5], { pending: [0, 0, 1], completed: [true, true, false] }),
    student('=HYPERLINK("http://evil.example","x")', [0, null, null]),
    student('+1', [null, null, 50]),
    student('-2', [null, null, null]),
    student('@SUM(A1)', [null, null, null]),
    student('Zoë, the "second"', [75, null, null]),
  ],
  itemAnalysis: [],
  teacherNotes: [],
};

describe('gradebookCsv', () => {
  const csv = gradebookCsv(dashboard);
  const lines = csv.slice(1).split('\r\n');

  it('names every column in the header row, with the scoring rule of each quiz', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Student key,Identifier,Name,' +
        '"Summits, ""Workers"": best % (highest attempt, pass mark 50)","Summits, ""Workers"": attempts used (of 2)",' +
        '"Summits, ""Workers"": essays awaiting marking",' +
        '"UN Votes: best % (highest attempt, pass mark 60)",UN Votes: attempts used,UN Votes: essays awaiting marking,' +
        'Lessons completed,Essays awaiting marking,Course total % (weighted)',
    );
    expect(lines).toHaveLength(dashboard.students.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('gives attempts, pending marks, completed lessons and the weighted course total', () => {
    // (3 × 100 + 1 × 62.5) / 4 = 90.63
    expect(lines[1]).toBe('stu_Ada,S-001,Ada,100,1,0,62.5,1,1,2 of 3,1,90.63');
  });

  it('leaves a cell blank only where nothing was attempted, and 0 where 0 was scored', () => {
    expect(lines[2]).toBe(
      `"stu_=HYPERLINK(""http://evil.example"",""x"")",,"'=HYPERLINK(""http://evil.example"",""x"")",0,1,0,,0,0,0 of 3,0,0`,
    );
    expect(lines[4]).toBe("stu_-2,,'-2,,0,0,,0,0,0 of 3,0,");
  });

  it('prefixes cells that a spreadsheet would run as formulas with an apostrophe', () => {
    expect(lines[3]).toBe("stu_+1,,'+1,,0,0,50,1,0,0 of 3,0,12.5");
    expect(lines[5]).toBe("stu_@SUM(A1),,'@SUM(A1),,0,0,,0,0,0 of 3,0,");
    expect(lines[6]).toBe('"stu_Zoë, the ""second""",,"Zoë, the ""second""",75,1,0,,0,0,0 of 3,0,56.25');
  });

  it('quotes cells with line breaks and escapes a tab or CR at the start', () => {
    const tricky = gradebookCsv({
      ...dashboard,
      students: [student('\tTab', []), student('Two\r\nLines', [])],
    });
    const body = tricky.slice(1).split('\r\n').slice(1).join('\r\n');
    expect(body).toBe(
      `stu_\tTab,,'\tTab,,0,0,,0,0,0 of 3,0,\r\n"stu_Two\r\nLines",,"Two\r\nLines",,0,0,,0,0,0 of 3,0,\r\n`,
    );
  });
});

describe('gradebookFileName', () => {
  it('makes a safe, dated file name from the class name', () => {
    expect(gradebookFileName('Période 3 / "Advanced"', new Date('2025-11-26T10:00:00Z'))).toBe(
      'gradebook-periode-3-advanced-2025-11-26.csv',
    );
    expect(gradebookFileName('!!!', new Date('2025-11-26T10:00:00Z'))).toBe('gradebook-class-2025-11-26.csv');
  });
});
