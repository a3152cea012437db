import { describe, expect, it } from 'vitest';
import { CslStyleError } from './errors.js';
import { builtInStyles, resolveStyle } from './styles.js';

const header =
  '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n<info><title>T</title><id>t</id></info>';

function styleError(style: string): CslStyleError {
  try {
    resolveStyle(style);
  } catch (error) {
    if (error instanceof CslStyleError) return error;
    throw error;
  }
  throw new Error('expected a CslStyleError');
}

describe('resolveStyle', () => {
  it('has the three built-in styles, Chicago author-date by default', () => {
    expect(builtInStyles).toEqual(['chicago-author-date', 'apa', 'modern-language-association']);
    expect(resolveStyle().info).toEqual({
      id: 'http://www.zotero.org/styles/chicago-author-date',
      title: 'Chicago Manual of Style 17th edition (author-date)',
      class: 'in-text',
      hasBibliography: true,
    });
    expect(resolveStyle('apa').info.title).toBe('APA Style 7th edition');
    expect(resolveStyle('modern-language-association').info.title).toBe(
      'Modern Language Association 9th edition',
    );
  });

  it('takes any style as XML text', () => {
    const xml = `${header}<citation><layout><text variable="title"/></layout></citation></style>`;
    expect(resolveStyle(xml)).toEqual({
      xml,
      info: { id: 't', title: 'T', class: 'in-text', hasBibliography: false },
    });
  });

  it('rejects an unknown style name, suggesting the built-in one meant', () => {
    expect(styleError('chicago').message).toMatch(
      /unknown style 'chicago': did you mean 'chicago-author-date'\?/,
    );
    expect(styleError('harvard').message).toMatch(
      /use 'chicago-author-date', 'apa', 'modern-language-association' or pass/,
    );
  });

  it('rejects XML that is not well-formed, with the line', () => {
    const error = styleError(
      `${header}\n<citation><layout><text variable="title"></layout></citation></style>`,
    );
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^invalid CSL style \(line 4\): the XML is not well-formed/);
  });

  it('rejects XML that is not a CSL style', () => {
    expect(styleError('<html><body>hi</body></html>').reason).toMatch(/root element is <html>, not <style>/);
    expect(styleError('<style version="1.0" class="in-text"><citation/></style>').reason).toMatch(/xmlns=/);
    expect(styleError(`${header.replace('class="in-text" ', '')}</style>`).reason).toMatch(
      /class="in-text" or class="note"/,
    );
  });

  it('rejects a style without a citation layout, or calling a macro it does not define', () => {
    expect(styleError(`${header}</style>`).reason).toMatch(/no <citation> with a <layout>/);
    expect(
      styleError(`${header}<citation><layout><text macro="nope"/></layout></citation></style>`).reason,
    ).toBe(`the style calls macro 'nope' but defines no <macro name="nope">`);
  });
});
