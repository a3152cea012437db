import { describe, expect, it } from 'vitest';
import { deriveKey, sign, unsign } from './signing';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('sign / unsign', () => {
  it('round-trips a value signed with the same secret', () => {
    const token = sign('eyJ2IjoxfQ', secret);
    expect(token.startsWith('eyJ2IjoxfQ.')).toBe(true);
    expect(unsign(token, secret)).toBe('eyJ2IjoxfQ');
  });

  it('rejects a token signed with another secret, an altered value, or no signature', () => {
    const token = sign('student:stu_1', secret);
    expect(unsign(token, `${secret}x`)).toBeUndefined();
    expect(unsign(token.replace('stu_1', 'stu_2'), secret)).toBeUndefined();
    expect(unsign('student:stu_1', secret)).toBeUndefined();
    expect(unsign(`${token}x`, secret)).toBeUndefined();
  });
});

describe('deriveKey', () => {
  it('is stable for the same inputs and differs by label and parts', () => {
    const a = deriveKey(secret, 'seed', 'stu_1', 'quiz');
    expect(deriveKey(secret, 'seed', 'stu_1', 'quiz')).toBe(a);
    expect(deriveKey(secret, 'other', 'stu_1', 'quiz')).not.toBe(a);
    expect(deriveKey(secret, 'seed', 'stu_2', 'quiz')).not.toBe(a);
    expect(deriveKey(secret, 'seed', 'stu_1q', 'uiz')).not.toBe(a);
  });
});
