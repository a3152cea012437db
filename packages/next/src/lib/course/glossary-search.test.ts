import { expect, it } from 'vitest';
import { searchableText, searchGlossary } from './glossary-search.js';

const terms = [
  { id: 'sanctions', term: 'Sanctions', definition: 'Measures that the UN Security Council imposes.' },
  {
    id: 'equidistance',
    term: 'Equidistance',
    aliases: ['diplomatic equidistance'],
    definition: "Moscow's balancing between Pyongyang and Seoul.",
  },
  { id: 'veto', term: 'Veto', definition: 'A permanent member blocks a Security Council resolution.' },
];

it('keeps every term, in order, for an empty query', () => {
  expect(searchGlossary(terms, '  ')).toEqual(['sanctions', 'equidistance', 'veto']);
});

it('matches names and aliases before definitions, ignoring case and accents', () => {
  expect(searchGlossary(terms, 'DIPLOMATIC')).toEqual(['equidistance']);
  expect(searchGlossary(terms, 'Équidistance')).toEqual(['equidistance']);
  expect(searchGlossary(terms, 'veto security')).toEqual(['veto']);
  expect(searchGlossary(terms, 'security council')).toEqual(['sanctions', 'veto']);
});

it('finds nothing when one word is missing', () => {
  expect(searchGlossary(terms, 'veto seoul')).toEqual([]);
});

it('searches definitions without their citation and link syntax', () => {
  expect(
    searchableText(
      'Moscow’s *balancing* between [[dprk|Pyongyang]] and [[rok]] [@rinna-two-peripheries, para. 3].',
    ),
  ).toBe('Moscow’s balancing between Pyongyang and rok.');
});
