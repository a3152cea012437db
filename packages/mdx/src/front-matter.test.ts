import { describe, expect, it } from 'vitest';
import { extractFrontMatter } from './front-matter.js';

describe('extractFrontMatter', () => {
  it('takes the YAML between the --- lines, which starts on line 2', () => {
    expect(extractFrontMatter('---\nid: a\ntitle: A\n---\n\n# Body\n')).toEqual({
      ok: true,
      frontMatter: { yaml: 'id: a\ntitle: A\n', firstLine: 2 },
    });
  });

  it('accepts a byte order mark and Windows line ends', () => {
    expect(extractFrontMatter('\uFEFF---\r\nid: a\r\n---\r\nBody')).toMatchObject({ ok: true });
  });

  it('tells a missing front matter from an unclosed one', () => {
    expect(extractFrontMatter('# Just a body\n')).toEqual({ ok: false, reason: 'missing' });
    expect(extractFrontMatter('---\nid: a\n\n# Body\n')).toEqual({ ok: false, reason: 'unclosed' });
  });
});
