import { describe, expect, it } from 'vitest';
import type { ClassDashboard, DashboardStudent } from './dashboard';
import { gradebookCsv, gradebookFileName } from './gradebook';

function student(displayName: string, best: (number | null)[]): DashboardStudent {
  const ids = ['one', 'two', 'three'];
  return {
    id: `stu_${displayName}`,
    displayName,
    joinedAt: '2025-01-01T00:00:00.000Z',
    lessons: Object.fromEntries(
      ids.map((id, i) => [
        id,
        { completed: false, completedAt: null, bestPercentage: best[i] ?? null, attempts: 0 },
      ]),
    ),
  };
}

const dashboard: ClassDashboard = {
  class: { id: 'cls_1', name: 'P3', joinCode: 'ABCDEF', createdAt: '2025-01-01T00:00:00.000Z' },
  lessons: [
    { id: 'one', title: 'Summits, "Workers"', quizId: 'q1', quizTitle: 'Q1' },
    { id: 'two', title: 'No quiz here', quizId: null, quizTitle: null },
    { id: 'three', title: 'UN Votes', quizId: 'q3', quizTitle: 'Q3' },
  ],
  students: [
    student('Ada', [100, null, 62.5]),
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

  it('has one row per student and a column per quiz, with CRLF line ends and a UTF-8 BOM', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Student,"Summits, ""Workers"" (%)",UN Votes (%)');
    expect(lines[1]).toBe('Ada,100,62.5');
    expect(lines).toHaveLength(dashboard.students.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('prefixes cells that a spreadsheet would run as formulas with an apostrophe', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",0,`);
    expect(lines[3]).toBe("'+1,,50");
    expect(lines[4]).toBe("'-2,,");
    expect(lines[5]).toBe("'@SUM(A1),,");
    expect(lines[6]).toBe('"Zoë, the ""second""",75,');
  });

  it('quotes cells with line breaks and escapes a tab or CR at the start', () => {
    const tricky = gradebookCsv({
      ...dashboard,
      students: [student('\tTab', []), student('Two\r\nLines', [])],
    });
    const body = tricky.slice(1).split('\r\n').slice(1).join('\r\n');
    expect(body).toBe(`'\tTab,,\r\n"Two\r\nLines",,\r\n`);
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
