// The roster routes through the handlers: identifiers at join and from a roster CSV, renaming and
// removing students, renaming and archiving a class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Classroom, createClassroom } from './api';
import { apiCaller, type Browser, fixtureCourseDir, memoryStore } from './testing';

const PASSCODE = 'unit-test-passcode';
let classroom: Classroom;

const { call, newBrowser } = apiCaller(() => classroom);

let teacher: Browser;
let cls: { id: string; joinCode: string };

beforeAll(async () => {
  classroom = createClassroom({
    store: memoryStore(),
    courseDir: fixtureCourseDir,
    env: { TEACHER_PASSCODE: PASSCODE },
    log: () => {},
  });
  teacher = await newBrowser();
  await call(teacher, '/api/teacher/login', { passcode: PASSCODE });
  cls = (await call(teacher, '/api/classes', { name: 'Period 3' })).body;
});

afterAll(async () => {
  await classroom.close();
});

const students = async () => (await call(teacher, `/api/classes/${cls.id}/dashboard`)).body.students;

describe('roster', () => {
  let ada: Browser;
  let adaId: string;
  let adaResume: string;
  let beaId: string;

  it('takes an optional identifier at join and keeps it unique in the class', async () => {
    ada = await newBrowser();
    const joined = await call(ada, '/api/classes/join', {
      code: cls.joinCode,
      displayName: 'Ada',
      identifier: ' S-001 ',
    });
    expect(joined.status).toBe(201);
    adaId = joined.body.student.id;
    adaResume = joined.body.resumeCode;
    const twin = await call(await newBrowser(), '/api/classes/join', {
      code: cls.joinCode,
      displayName: 'Ada B',
      identifier: 'S-001',
    });
    expect([twin.status, twin.body.error.code]).toEqual([409, 'identifier-taken']);
    const bad = await call(await newBrowser(), '/api/classes/join', {
      code: cls.joinCode,
      displayName: 'Cy',
      identifier: '<b>',
    });
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'identifier']);
    const bea = await call(await newBrowser(), '/api/classes/join', {
      code: cls.joinCode,
      displayName: 'Béa',
    });
    beaId = bea.body.student.id;
    expect(
      (await students()).map((s: { displayName: string; identifier: string | null }) => [
        s.displayName,
        s.identifier,
      ]),
    ).toEqual([
      ['Ada', 'S-001'],
      ['Béa', null],
    ]);
  });

  it('matches identifiers from an uploaded roster CSV by name, and reports what it could not match', async () => {
    const csv =
      '\uFEFFName,Identifier,Form\r\n"BÉA",S-002,7b\r\nAda,S-001,7b\r\nNobody,S-009,7b\r\nAda,"bad<id>",7b\r\n';
    const uploaded = await call(teacher, `/api/classes/${cls.id}/roster`, { csv });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.matched).toEqual([
      { line: 2, studentId: beaId, displayName: 'Béa', identifier: 'S-002' },
    ]);
    expect(uploaded.body.unchanged).toEqual([{ line: 3, studentId: adaId, identifier: 'S-001' }]);
    expect(uploaded.body.unmatched.map((u: { line: number }) => u.line)).toEqual([4, 5]);
    const broken = await call(teacher, `/api/classes/${cls.id}/roster`, {
      csv: 'name,identifier\nAda,"S-1\n',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid-csv');
    const noColumns = await call(teacher, `/api/classes/${cls.id}/roster`, { csv: 'who,id\nAda,1\n' });
    expect(noColumns.body.error.message).toMatch(/"identifier" and a "name" column/);
    expect((await call(ada, `/api/classes/${cls.id}/roster`, { csv })).status).toBe(401);
  });

  it('renames a student, refusing a name already used in the class', async () => {
    const taken = await call(teacher, `/api/classes/${cls.id}/students/${beaId}/rename`, {
      displayName: 'ada',
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'display-name-taken']);
    expect(
      (await call(teacher, `/api/classes/${cls.id}/students/${beaId}/rename`, { displayName: 'Beatrice' }))
        .status,
    ).toBe(200);
    expect((await students())[1].displayName).toBe('Beatrice');
  });

  it('removes a student: sessions end, resuming is refused, the roster no longer shows them', async () => {
    const removed = await call(teacher, `/api/classes/${cls.id}/students/${adaId}/remove`, {});
    expect(removed.status).toBe(200);
    expect((await call(ada, '/api/me/progress')).body.learner).toBeNull();
    const resume = await call(await newBrowser(), '/api/classes/resume', { resumeCode: adaResume });
    expect([resume.status, resume.body.error.code]).toEqual([403, 'student-removed']);
    expect((await students()).map((s: { displayName: string }) => s.displayName)).toEqual(['Beatrice']);
    expect((await call(teacher, `/api/classes/${cls.id}/students/${adaId}/remove`, {})).status).toBe(404);
  });

  it('renames and archives a class; an archived class takes no new students', async () => {
    expect((await call(teacher, `/api/classes/${cls.id}/rename`, { name: ' Period 4 ' })).body.name).toBe(
      'Period 4',
    );
    expect((await call(teacher, `/api/classes/${cls.id}/archive`, { archived: true })).status).toBe(200);
    const listed = (await call(teacher, '/api/classes')).body.classes[0];
    expect(listed).toMatchObject({ name: 'Period 4', archivedAt: expect.any(String) });
    const join = await call(await newBrowser(), '/api/classes/join', {
      code: cls.joinCode,
      displayName: 'Dan',
    });
    expect([join.status, join.body.error.code]).toEqual([409, 'class-archived']);
    await call(teacher, `/api/classes/${cls.id}/archive`, { archived: false });
    expect(
      (await call(await newBrowser(), '/api/classes/join', { code: cls.joinCode, displayName: 'Dan' }))
        .status,
    ).toBe(201);
  });
});
