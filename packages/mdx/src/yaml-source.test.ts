import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source.js';

const text = [
  'id: water-cycle',
  'objectives:',
  '  - id: describe-evaporation',
  '    txt: Describe it',
  '',
].join('\n');

describe('parseYamlSource', () => {
  it('places a schema issue at its line, shifted to where the YAML starts in the file', () => {
    const yaml = parseYamlSource(text, { firstLine: 2 });
    expect(yaml.data).toMatchObject({ id: 'water-cycle' });
    const issue = yaml.place({
      file: 'lessons/01-water-cycle.mdx',
      pointer: '/objectives/0/txt',
      target: 'key',
      message: "unknown key 'txt' in objective",
      expected: ['text'],
      ruleId: 'schema/unknown-key',
      severity: 'error',
    });
    expect(issue).toEqual({
      file: 'lessons/01-water-cycle.mdx',
      line: 5,
      column: 5,
      pointer: '/objectives/0/txt',
      target: 'key',
      message: "unknown key 'txt' in objective",
      ruleId: 'schema/unknown-key',
      severity: 'error',
      expected: ['text'],
    });
  });

  it('reports syntax errors with their place and no data', () => {
    const yaml = parseYamlSource('title: ok\nsummary: [a, b\nid: x\n', { firstLine: 2 });
    expect(yaml.data).toBeUndefined();
    expect(yaml.errors[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('points an unclosed quotation mark at where it opens, not at the end of the text', () => {
    const yaml = parseYamlSource('title: ok\nsummary: "unclosed\n', { firstLine: 2 });
    expect(yaml.errors).toEqual([expect.objectContaining({ line: 3, column: 10 })]);
  });

  it('reports a duplicated key at the second one', () => {
    const yaml = parseYamlSource('id: a\nid: b\n');
    expect(yaml.errors).toEqual([expect.objectContaining({ line: 2, column: 1 })]);
  });
});
