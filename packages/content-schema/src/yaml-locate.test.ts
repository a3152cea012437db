import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseContent } from './content-kinds.js';
import { formatIssue } from './course-issue.js';
import { createYamlLocator, locateInYaml, locateIssue } from './yaml-locate.js';

const glossaryYaml = `terms:
  - id: equidistance
    term: Equidistance
    definition: Moscow's balancing between Pyongyang and Seoul since the mid-1990s.
    seeAlso: [unfriendly-country, Sanctions]
  - id: unfriendly-country
    trem: Unfriendly country
    definition:
`;

describe('locateInYaml', () => {
  it('finds a value in a block mapping inside a sequence', () => {
    expect(locateInYaml(glossaryYaml, '/terms/0/term')).toEqual({ line: 3, column: 11 });
  });

  it('finds an item of a flow sequence', () => {
    expect(locateInYaml(glossaryYaml, '/terms/0/seeAlso/1')).toEqual({ line: 5, column: 35 });
  });

  it('points at the key itself when asked to', () => {
    expect(locateInYaml(glossaryYaml, '/terms/1/trem', 'key')).toEqual({ line: 7, column: 5 });
  });

  it('points at the key of a field left blank', () => {
    expect(locateInYaml(glossaryYaml, '/terms/1/definition')).toEqual({ line: 8, column: 5 });
  });

  it('falls back to the nearest enclosing value for a missing field', () => {
    expect(locateInYaml(glossaryYaml, '/terms/1/term')).toEqual({ line: 6, column: 5 });
    expect(locateInYaml(glossaryYaml, '/terms/7/id')).toEqual({ line: 2, column: 3 });
  });

  it('gives the start of the file for the whole document or an empty file', () => {
    expect(locateInYaml(glossaryYaml, '')).toEqual({ line: 1, column: 1 });
    expect(locateInYaml('', '/terms')).toEqual({ line: 1, column: 1 });
  });

  it('follows aliases', () => {
    const source = 'shared: &names [Russia, DPRK]\nevents:\n  - actors: *names\n';
    expect(locateInYaml(source, '/events/0/actors/1')).toEqual({ line: 1, column: 25 });
  });

  it('locates many pointers with one parse', () => {
    const locate = createYamlLocator(glossaryYaml);
    expect([locate('/terms/0/id'), locate('/terms/1/id')]).toEqual([
      { line: 2, column: 9 },
      { line: 6, column: 9 },
    ]);
  });
});

describe('locateIssue', () => {
  it('turns schema issues on parsed YAML into file:line:column lines', () => {
    const result = parseContent('glossary', parse(glossaryYaml), 'glossary.yaml');
    const lines = result.issues.map((issue) => formatIssue(issue, locateIssue(glossaryYaml, issue)));
    expect(lines).toEqual([
      `glossary.yaml:5:35  error  "Sanctions" is not a valid id: use lowercase letters, digits and single hyphens, e.g. "hanoi-summit" (did you mean 'sanctions'?)  schema/invalid-id`,
      "glossary.yaml:6:5  error  missing 'term' in glossary term (The term as readers see it)  schema/missing-field",
      `glossary.yaml:8:5  error  'definition' in terms item 2 is empty; write text after it (The definition in the course authors' words (plain text or Markdown))  schema/wrong-type`,
      "glossary.yaml:7:5  error  unknown key 'trem' in glossary term; allowed keys: id, term, definition, aliases, seeAlso, cite, locator (did you mean 'term'?)  schema/unknown-key",
    ]);
  });
});

describe('createYamlLocator with text', () => {
  it('finds the text inside the value, in plain, quoted and block scalars', () => {
    const source = [
      'explanation: See [@rina2019, p. 2].',
      'quoted: "Also [@rina2019]"',
      'block: |',
      '  First line.',
      '  Then [@rina2019].',
    ].join('\n');
    const locate = createYamlLocator(source);
    expect(locate('/explanation', 'value', '@rina2019')).toEqual({ line: 1, column: 19 });
    expect(locate('/quoted', 'value', '@rina2019')).toEqual({ line: 2, column: 16 });
    expect(locate('/block', 'value', '@rina2019')).toEqual({ line: 5, column: 9 });
    expect(locate('/quoted', 'value', '@absent')).toEqual({ line: 2, column: 9 });
  });
});
