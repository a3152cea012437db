import { describe, expect, it } from 'vitest';
import { objectiveTextSchema, observableVerbs, suggestObjectiveText } from './objective-verb.js';

describe('objectiveTextSchema', () => {
  it('accepts text that starts with an observable verb, in either case', () => {
    expect(
      objectiveTextSchema.safeParse('Explain why Moscow and Pyongyang drew closer after 2022.').success,
    ).toBe(true);
    expect(objectiveTextSchema.safeParse('compare the two peripheries').success).toBe(true);
    expect(objectiveTextSchema.safeParse('Analyze the role of sanctions').success).toBe(true);
  });

  it('names the verb list and the word it found', () => {
    const result = objectiveTextSchema.safeParse('Understand the summit');
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? '';
    expect(message).toMatch(
      /^objective text must start with an observable verb \(explain, compare, identify/,
    );
    expect(message).toContain('"Understand the summit" starts with "Understand"');
    for (const verb of observableVerbs) expect(message).toContain(verb);
  });

  it('does not take a longer word for the verb', () => {
    expect(objectiveTextSchema.safeParse('Explaining the summit').success).toBe(false);
    expect(objectiveTextSchema.safeParse('Listen to the debate').success).toBe(false);
  });

  it('reports an empty objective once, as empty', () => {
    const result = objectiveTextSchema.safeParse('');
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.code).toBe('too_small');
  });
});

describe('suggestObjectiveText', () => {
  it('proposes an observable verb for a common unobservable one', () => {
    expect(suggestObjectiveText('Understand the summit')).toBe('try "Explain the summit"');
  });
  it('proposes the verb itself for a longer form of it', () => {
    expect(suggestObjectiveText('Explaining the summit')).toBe('try "Explain the summit"');
  });
  it('offers nothing when it cannot guess', () => {
    expect(suggestObjectiveText('Enjoy the reading')).toBeUndefined();
  });
});

describe('suggestObjectiveText with words that only look like a verb', () => {
  it('does not turn "Listen" into "List"', () => {
    expect(suggestObjectiveText('Listen to the debate')).toBeUndefined();
  });
  it('knows -ing forms of verbs that end in e', () => {
    expect(suggestObjectiveText('Describing the summit')).toBe('try "Describe the summit"');
  });
});
