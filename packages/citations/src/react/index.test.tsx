import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createCiteProcessor } from '../cite-processor.js';
import { parseCitations } from '../parse-citations.js';
import type { CslItem } from '../types.js';
import { Bibliography, Citation } from './index.js';

const items: CslItem[] = [
  {
    id: 'rinna-two-peripheries',
    type: 'document',
    author: [{ family: 'Rinna', given: 'Anthony V.' }],
    title: "Two Peripheries: The Ukraine War's Effect on North Korea-Russia Relations",
  },
  {
    id: 'tester-test-book',
    type: 'book',
    author: [{ family: 'Tester', given: 'Bob' }],
    title: 'A Test Book <script>',
    issued: { 'date-parts': [[2019]] },
  },
];

describe('<Citation>', () => {
  it('renders the citation with the keys it cites', () => {
    const processor = createCiteProcessor({ items });
    const [found] = parseCitations('[@rinna-two-peripheries, para. 3; @tester-test-book]');
    expect(renderToStaticMarkup(found ? <Citation processor={processor} cluster={found} /> : null)).toBe(
      '<span class="citation" data-cites="rinna-two-peripheries tester-test-book">(Rinna, n.d., para. 3; Tester 2019)</span>',
    );
  });
});

describe('<Bibliography>', () => {
  it('renders the entries with ids to link to, escaping reference data', () => {
    const processor = createCiteProcessor({ items });
    const html = renderToStaticMarkup(<Bibliography processor={processor} heading={<h2>References</h2>} />);
    expect(html).toBe(
      '<section class="csl-bib-body"><h2>References</h2><ul>' +
        '<li id="ref-rinna-two-peripheries"><div class="csl-entry">Rinna, Anthony V. n.d. “Two Peripheries: The Ukraine War’s Effect on North Korea-Russia Relations.”</div></li>' +
        '<li id="ref-tester-test-book"><div class="csl-entry">Tester, Bob. 2019. <i>A Test Book &#60;script&#62;</i>.</div></li>' +
        '</ul></section>',
    );
  });

  it('renders only the keys asked for', () => {
    const processor = createCiteProcessor({ items });
    const html = renderToStaticMarkup(
      <Bibliography processor={processor} keys={['tester-test-book']} idPrefix="bib-" />,
    );
    expect(html).toContain('id="bib-tester-test-book"');
    expect(html).not.toContain('Rinna');
  });
});
