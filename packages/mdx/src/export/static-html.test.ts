import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { hastToXhtml, markdownToHast, type StaticRenderContext } from './static-html.js';

const context: StaticRenderContext = {
  file: 'quizzes/q.yaml',
  links: { quizTitle: () => undefined },
  warn: () => {},
};

describe('hastToXhtml', () => {
  it('writes Markdown as XML that an XML parser reads, for QTI', () => {
    const xhtml = hastToXhtml(markdownToHast('- [x] done & *ok*\n\nline  \nbreak', undefined, context));
    // Boolean attributes get a value and empty elements are closed, which HTML serialisers leave out.
    expect(xhtml).toContain('<input type="checkbox" checked="" disabled=""></input>');
    expect(xhtml).toContain('<br></br>');
    expect(xhtml).not.toContain('xmlns');
    expect(() => create(`<div>${xhtml}</div>`)).not.toThrow();
  });
});
