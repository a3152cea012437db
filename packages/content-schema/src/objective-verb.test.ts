import { describe, expect, it } from 'vitest';
import {
  bloomCategories,
  bloomVerbs,
  observableVerbs,
  startsWithObservableVerb,
  suggestObjectiveText,
  suggestObjectiveVerbs,
} from './objective-verb.js';

describe('the built-in verb list', () => {
  it("covers every category of Bloom's revised taxonomy, and keeps the verbs accepted before", () => {
    for (const category of bloomCategories) expect(bloomVerbs[category].length).toBeGreaterThan(0);
    const before = ['explain', 'compare', 'identify', 'evaluate', 'describe', 'analyse', 'analyze', 'assess']
      .concat(['summarise', 'summarize', 'distinguish', 'outline', 'interpret', 'apply', 'list', 'define'])
      .concat(['locate', 'order', 'justify', 'argue']);
    for (const verb of before) expect(observableVerbs).toContain(verb);
    expect(observableVerbs).toContain('calculate');
    expect(observableVerbs).toContain('design');
  });

  it('leaves out the category names that cannot be observed', () => {
    expect(observableVerbs).not.toContain('understand');
    expect(observableVerbs).not.toContain('remember');
  });

  it('lists each verb once', () => {
    expect(new Set(observableVerbs).size).toBe(observableVerbs.length);
  });
});

describe('startsWithObservableVerb', () => {
  it('accepts text that starts with an observable verb, in either case', () => {
    expect(startsWithObservableVerb('Explain why Moscow and Pyongyang drew closer after 2022.')).toBe(true);
    expect(startsWithObservableVerb('compare the two peripheries')).toBe(true);
    expect(startsWithObservableVerb('Calculate the years the address counts back')).toBe(true);
  });

  it('does not take a longer word for the verb', () => {
    expect(startsWithObservableVerb('Explaining the summit')).toBe(false);
    expect(startsWithObservableVerb('Listen to the debate')).toBe(false);
  });

  it('checks against the verbs it is given', () => {
    expect(startsWithObservableVerb('Sketch the front lines', ['sketch'])).toBe(true);
    expect(startsWithObservableVerb('Explain the summit', ['sketch'])).toBe(false);
  });
});

describe('suggestObjectiveVerbs', () => {
  it('proposes an observable verb for a common unobservable one', () => {
    expect(suggestObjectiveVerbs('Understand')).toEqual(['explain']);
  });
  it('proposes the verb itself for a longer form of it', () => {
    expect(suggestObjectiveVerbs('Describing')).toEqual(['describe']);
  });
  it('proposes the closest spellings of a misspelt verb', () => {
    expect(suggestObjectiveVerbs('Analize')).toContain('analyze');
    expect(suggestObjectiveVerbs('Calcualte')).toEqual(['calculate']);
  });
  it('offers nothing when it cannot guess', () => {
    expect(suggestObjectiveVerbs('Enjoy')).toEqual([]);
  });
});

describe('suggestObjectiveText', () => {
  it('rewrites the start of the objective, keeping its case', () => {
    expect(suggestObjectiveText('Understand the summit')).toBe('try "Explain the summit"');
    expect(suggestObjectiveText('explaining the summit')).toBe('try "explain the summit"');
  });
  it('offers nothing when it cannot guess', () => {
    expect(suggestObjectiveText('Enjoy the reading')).toBeUndefined();
  });
});
