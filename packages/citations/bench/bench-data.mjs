// The bench data, shared by the benchmark and by the output-equality test (so the test guards what is measured).

/** 200 fictional references: books and journal articles by 50 test authors over 30 years. */
export const benchItems = Array.from({ length: 200 }, (_, index) => ({
  id: `test-ref-${index}`,
  type: index % 2 === 0 ? 'book' : 'article-journal',
  author: [{ family: `Example${index % 50}`, given: 'Ada' }],
  // Some titles carry what HTML must escape and the rich text CSL allows, so both output forms are exercised.
  title:
    index % 17 === 0
      ? `Salt & Water <i>in situ</i>: Test Work Number ${index}`
      : index % 23 === 0
        ? `"Quoted" <b>Bold</b> 2 < 3 Test Work Number ${index}`
        : `A Test Work Number ${index}`,
  ...(index % 2 === 0
    ? { publisher: 'Example Press', 'publisher-place': 'Testville' }
    : { 'container-title': 'Journal of Test Data', volume: String(index % 20), page: '1-20' }),
  ...(index % 11 === 0
    ? { DOI: `10.1000/test.${index}`, URL: `https://example.org/works/${index}?a=1&b=2` }
    : {}),
  ...(index % 13 === 0 ? { editor: [{ family: 'Editor', given: 'Eve' }, { literal: 'Test Group' }] } : {}),
  issued: { 'date-parts': [[1990 + (index % 30)]] },
}));

/**
 * References whose HTML cannot be read back as text exactly (citeproc-js writes a superscript character as
 * `<sup>`, two spaces as a no-break space and a space), so that their text is rendered on its own.
 */
export const edgeItems = [
  {
    id: 'edge-superscript',
    type: 'book',
    title: 'Area in m² and Volume in m³',
    author: [{ family: 'Edge', given: 'Ed' }],
  },
  {
    id: 'edge-spaces',
    type: 'book',
    title: 'Two  Spaces and\u00a0a No-Break Space',
    author: [{ family: 'Edge', given: 'Flo' }],
  },
  {
    id: 'edge-rich',
    type: 'article-journal',
    title: 'H<sub>2</sub>O and x<sup>2</sup>',
    'container-title': 'Edge Letters',
    author: [{ family: 'Edge', given: 'Gus' }],
    issued: { 'date-parts': [[2001]] },
  },
];

/** Citations of the edge references, in the forms where their titles show (with a test note style). */
export const edgeCitations = [
  { items: [{ key: 'edge-superscript', prefix: 'see  also ' }] },
  { items: [{ key: 'edge-spaces', locator: '3', suffix: ' (m²)' }] },
  { items: [{ key: 'edge-rich' }], narrative: true },
  { items: [{ key: 'edge-superscript' }, { key: 'edge-spaces' }] },
  { items: [{ key: 'edge-rich', locator: '2' }] },
];

/** The 1,000 citations the benchmark renders: one work each, at a page. */
export const benchCitations = Array.from({ length: 1000 }, (_, index) => ({
  items: [{ key: `test-ref-${index % 200}`, locator: String(index + 1), label: 'page' }],
}));

/**
 * Citations in every form the package takes, in one document: locators with labels, prefixes and suffixes,
 * suppressed authors, narrative citations with and without a locator, clusters of several works, and works
 * cited again at once (ibid.) or later (short forms).
 */
export const variedCitations = Array.from({ length: 300 }, (_, index) => {
  const key = `test-ref-${(index * 7) % 200}`;
  const again = `test-ref-${((((index - 1) * 7) % 200) + 200) % 200}`;
  switch (index % 10) {
    case 0:
      return { items: [{ key }], narrative: true };
    case 1:
      return { items: [{ key, locator: String(index), label: 'page' }], narrative: true };
    case 2:
      return { items: [{ key, suppressAuthor: true, locator: `${index}-${index + 4}` }] };
    case 3:
      return {
        items: [
          { key, prefix: 'see ', locator: String(index), label: 'chapter', suffix: ', emphasis added' },
        ],
      };
    case 4:
      return {
        items: [{ key }, { key: `test-ref-${(index * 3) % 200}`, locator: '12', label: 'paragraph' }],
      };
    case 5:
      return { items: [{ key }] };
    case 6:
      // The work cited just before, again: ibid. in a note style.
      return { items: [{ key: again, locator: String(index), label: 'section' }] };
    case 7:
      return { items: [{ key, prefix: 'compare <i>this</i> & ', suffix: ' [sic]' }] };
    case 9:
      return { items: [{ key: again }] };
    default:
      return { items: [{ key, locator: String(index + 1), label: 'page' }] };
  }
});

/** A bibliography of some of the works, to check that a selection keeps the style's order. */
export const selectedKeys = Array.from({ length: 40 }, (_, index) => `test-ref-${(index * 37) % 200}`);
