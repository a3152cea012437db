import { expect, it, vi } from 'vitest';

vi.mock('react', () => {
  throw new Error('the main entry loaded React');
});
vi.mock('react/jsx-runtime', () => {
  throw new Error('the main entry loaded React');
});
vi.mock('react/jsx-dev-runtime', () => {
  throw new Error('the main entry loaded React');
});

it('exports the public API without loading React', async () => {
  const api = await import('./index.js');
  expect(Object.keys(api).sort()).toEqual([
    'BibTeXSyntaxError',
    'CitationsError',
    'CslDataError',
    'CslLocaleError',
    'CslStyleError',
    'EmptyCitationError',
    'UnknownCitationKeyError',
    'builtInStyles',
    'citationKeyPattern',
    'citeThisLesson',
    'createCitationCache',
    'createCiteProcessor',
    'cslItemTypes',
    'cslLocatorLabels',
    'findClosestKeys',
    'parseBibTeX',
    'parseCitations',
    'parseCslJson',
    'parseCslYaml',
    'parseLocator',
  ]);
});
