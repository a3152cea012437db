import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { contentExamples } from './content-examples.js';
import { contentKinds, contentSchemas } from './content-kinds.js';
import { contentJsonSchema } from './json-schema.js';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);

describe('contentJsonSchema', () => {
  for (const kind of contentKinds) {
    describe(kind, () => {
      const validate = ajv.compile(contentJsonSchema(kind));
      for (const example of contentExamples[kind]) {
        it(`${example.valid ? 'accepts' : 'rejects'} ${example.name}, as Zod does`, () => {
          const zodAccepts = contentSchemas[kind].safeParse(example.data).success;
          const ajvAccepts = validate(example.data);
          expect(zodAccepts, 'Zod').toBe(example.valid);
          expect(ajvAccepts, `ajv: ${ajv.errorsText(validate.errors)}`).toBe(example.valid);
        });
      }
    });
  }

  it('is draft-07 with titles and field descriptions for editors', () => {
    const schema = contentJsonSchema('lesson-frontmatter') as {
      $schema: string;
      title: string;
      properties: Record<string, { description?: string }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('coursekit lesson front matter');
    expect(schema.properties.duration?.description).toMatch(/minutes/);
    expect(schema.additionalProperties).toBe(false);
    // Fields with a default are optional to write.
    expect(schema.required).not.toContain('prerequisites');
    expect(schema.required).toContain('objectives');
  });

  it('refuses an unknown kind with the list of kinds', () => {
    expect(() => contentJsonSchema('quizz' as never)).toThrow(
      /use one of course, lesson-frontmatter, glossary, timeline/,
    );
  });
});
