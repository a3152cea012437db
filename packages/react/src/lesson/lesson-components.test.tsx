import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Instructor, Objectives } from './blocks.js';
import { Citation } from './citation.js';
import { SourceExcerpt } from './source-excerpt.js';
import { Term } from './term.js';

const cluster = { items: [{ key: 'rinna', locator: 'para. 4' }] };
const references = [
  { key: 'rinna', html: '<div class="csl-entry">Rinna, A. 2023.</div>', text: 'Rinna 2023' },
];

describe('Citation', () => {
  it('links a paragraph of the reading to that paragraph, with the full reference in its popover', () => {
    const html = renderToStaticMarkup(
      <Citation
        keys={['rinna']}
        cluster={cluster}
        text="Rinna 2023"
        html="Rinna 2023"
        references={references}
        readingKey="rinna"
      />,
    );
    expect(html).toContain('href="/reading#para-4"');
    expect(html).toContain('role="tooltip"');
    expect(html).toContain('Rinna, A. 2023.');
    expect(html).not.toContain('csl-entry');
    expect(html).toContain('Opens paragraph 4 of the reading.');
  });

  it('links to the bibliography in a course without a reading', () => {
    const html = renderToStaticMarkup(
      <Citation
        keys={['rinna']}
        cluster={cluster}
        text="Rinna 2023"
        html="Rinna 2023"
        references={references}
      />,
    );
    expect(html).toContain('href="/bibliography#ref-rinna"');
    expect(html).not.toContain('/reading');
  });
});

describe('SourceExcerpt', () => {
  it('captions the quotation with a link to its place in the reading only when there is one', () => {
    const props = { cite: 'rinna', locator: 'para. 4', html: 'Rinna 2023, para. 4' };
    expect(
      renderToStaticMarkup(
        <SourceExcerpt {...props} readingKey="rinna">
          Q
        </SourceExcerpt>,
      ),
    ).toContain('href="/reading#para-4"');
    expect(renderToStaticMarkup(<SourceExcerpt {...props}>Q</SourceExcerpt>)).not.toContain('/reading');
  });
});

describe('Term', () => {
  it('links to its glossary entry and describes the link with its definition', () => {
    const html = renderToStaticMarkup(<Term id="juche" term="Juche" definition="Self-reliance." />);
    expect(html).toContain('href="/glossary#term-juche"');
    expect(html).toMatch(/aria-describedby="([^"]+)".*role="tooltip" id="\1"/);
    expect(html).toContain('Self-reliance.');
  });
});

describe('Instructor', () => {
  it("renders a teacher-only block only in the teacher's view", () => {
    expect(renderToStaticMarkup(<Instructor>Notes</Instructor>)).toBe('');
    expect(renderToStaticMarkup(<Instructor show>Notes</Instructor>)).toBe(
      '<div class="instructor-block">Notes</div>',
    );
  });

  it('gives blocks their default heading', () => {
    expect(renderToStaticMarkup(<Objectives>x</Objectives>)).toContain('<h3>Objectives</h3>');
  });
});

describe('popover ids of texts rendered apart from the page', () => {
  const describedBy = (html: string) => /aria-describedby="([^"]+)"/.exec(html)?.[1];
  const tooltipId = (html: string) => /role="tooltip" id="([^"]+)"/.exec(html)?.[1];

  it('never repeat the page’s ids, and each link is still described by its own popover', () => {
    // The page and a later render (feedback from a server action) each number their ids from the start.
    const page = renderToStaticMarkup(<Term id="sanctions" term="Sanctions" definition="Penalties." />);
    const feedback = renderToStaticMarkup(
      <Citation
        keys={['rinna']}
        cluster={cluster}
        text="R"
        html="R"
        references={references}
        idPrefix="f1-"
      />,
    );
    const feedbackTerm = renderToStaticMarkup(
      <Term id="sanctions" term="Sanctions" definition="Penalties." idPrefix="f1-" />,
    );
    expect(tooltipId(feedback)).not.toBe(tooltipId(page));
    expect(describedBy(feedback)).toBe(tooltipId(feedback));
    expect(describedBy(feedbackTerm)).toBe(tooltipId(feedbackTerm));
    expect(tooltipId(feedbackTerm)?.startsWith('f1-')).toBe(true);
  });
});
