import { describe, expect, it } from 'vitest';
import { classroomRole } from './claims';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2';

describe('classroomRole', () => {
  it('makes LMS instructors, teaching assistants and administrators teachers', () => {
    expect(classroomRole([`${LIS}/membership#Instructor`])).toBe('teacher');
    expect(classroomRole([`${LIS}/membership/Instructor#TeachingAssistant`])).toBe('teacher');
    expect(classroomRole([`${LIS}/institution/person#Administrator`, `${LIS}/membership#Learner`])).toBe(
      'teacher',
    );
    expect(classroomRole(['Instructor'])).toBe('teacher');
  });

  it('makes learners students, and gives no role to anyone else', () => {
    expect(classroomRole([`${LIS}/membership#Learner`])).toBe('student');
    expect(classroomRole([`${LIS}/institution/person#Student`])).toBe('student');
    expect(classroomRole([`${LIS}/institution/person#Guest`])).toBeUndefined();
    expect(classroomRole([`${LIS}/membership#Learner-but-not-really`])).toBeUndefined();
    expect(classroomRole([])).toBeUndefined();
  });
});
