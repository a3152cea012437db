import { describe, expect, it } from 'vitest';
import { contentExamples } from './content-examples.js';
import { parseContent } from './content-kinds.js';
import { glossarySchema } from './glossary-schema.js';
import { authoredGlossary } from './test-fixtures.js';

const check = (data: unknown) => parseContent('glossary', data, 'glossary.yaml');

describe('glossarySchema', () => {
  for (const example of contentExamples.glossary) {
    it(`${example.valid ? 'accepts' : 'rejects'} ${example.name}`, () => {
      expect(glossarySchema.safeParse(example.data).success).toBe(example.valid);
    });
  }

  it('names the term that lacks a definition', () => {
    const terms = [{ id: 'equidistance', term: 'Equidistance' }];
    expect(check({ terms }).issues).toEqual([
      expect.objectContaining({
        pointer: '/terms/0/definition',
        message:
          "missing 'definition' in glossary term (The definition in the course authors' words (plain text or Markdown))",
        ruleId: 'schema/missing-field',
      }),
    ]);
  });

  it('suggests the id for a term written as a name', () => {
    const terms = [{ ...authoredGlossary.terms[0], seeAlso: ['Unfriendly Country'] }];
    expect(check({ terms }).issues[0]?.expected).toEqual(['unfriendly-country']);
  });

  it('says what the top level should be', () => {
    expect(check(authoredGlossary.terms).issues[0]?.message).toBe(
      'glossary must be a set of "key: value" fields, not a list',
    );
  });
});
