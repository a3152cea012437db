import { describe, expect, it } from 'vitest';
import {
  displayNameKey,
  displayNameProblem,
  generateJoinCode,
  generateResumeCode,
  hashResumeCode,
  isJoinCode,
  isResumeCode,
  normaliseCode,
  normaliseDisplayName,
} from './codes';

describe('join and resume codes', () => {
  it('generates codes of unambiguous characters that validate after normalising', () => {
    for (let i = 0; i < 50; i++) {
      const join = generateJoinCode();
      expect(join).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
      expect(isJoinCode(normaliseCode(join.toLowerCase()))).toBe(true);
      const resume = generateResumeCode();
      expect(resume).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      expect(isResumeCode(normaliseCode(resume))).toBe(true);
    }
  });

  it('accepts codes typed with spaces, dashes or lower case, and rejects look-alike characters', () => {
    expect(normaliseCode(' k7qm-2x ')).toBe('K7QM2X');
    expect(isJoinCode('K7QM2X')).toBe(true);
    expect(isJoinCode('K7QM2O')).toBe(false);
    expect(isJoinCode('K7QM2')).toBe(false);
    expect(isResumeCode('K7QM2X')).toBe(false);
  });

  it('hashes resume codes stably without containing them', () => {
    const hash = hashResumeCode('ABCDEFGHJKMN');
    expect(hash).toBe(hashResumeCode('ABCDEFGHJKMN'));
    expect(hash).not.toContain('ABCD');
    expect(hashResumeCode('ABCDEFGHJKMP')).not.toBe(hash);
  });
});

describe('display names', () => {
  it('trims and collapses white space', () => {
    expect(normaliseDisplayName('  Ada \t  Lovelace ')).toBe('Ada Lovelace');
  });

  it('explains empty, overlong and control-character names', () => {
    expect(displayNameProblem('')).toMatch(/Enter the name/);
    expect(displayNameProblem('x'.repeat(41))).toMatch(/at most 40 characters/);
    expect(displayNameProblem('Ada\u202eecilA')).toMatch(/invisible or control characters/);
    expect(displayNameProblem('Zoë <script>')).toBeUndefined();
  });

  it('treats names that differ only in case or width as the same', () => {
    expect(displayNameKey('ＡＤＡ')).toBe(displayNameKey('ada'));
    expect(displayNameKey('Ada')).not.toBe(displayNameKey('Adam'));
  });
});
