import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCiteProcessor } from './cite-processor.js';
import { parseBibTeX } from './parse-bibtex.js';
import { parseCitations } from './parse-citations.js';
import { parseCslYaml } from './parse-csl-data.js';
import type { BuiltInStyleName } from './styles.js';

// What each built-in style prints for each kind of reference: the article, book, chapter and web page are
// fictional test data; the UN document and the undated article by one author are the course's own sources.
const fixtures = new URL('../test/fixtures/', import.meta.url);
const items = [
  ...parseBibTeX(readFileSync(new URL('references.bib', fixtures), 'utf8')),
  ...parseCslYaml(readFileSync(new URL('un-documents.yaml', fixtures), 'utf8')),
];

/** The locator each kind of reference is cited with, as an author writes it. */
const locators: Record<string, string> = {
  'example-test-article': 'p. 50',
  'tester-test-book': 'chap. 2',
  'sample-test-chapter': 'p. 12',
  'example-test-web-page': 'para. 4',
  'unsc-res-2397': 'para. 8',
  'rinna-two-peripheries': 'para. 3',
};

interface Expected {
  /** Per key: the citation without a locator, then with it. */
  citations: Record<string, [string, string]>;
  /** In the style's order: key, text, HTML. */
  bibliography: Array<[string, string, string]>;
}

const expected: Record<BuiltInStyleName, Expected> = {
  'chicago-author-date': {
    citations: {
      'example-test-article': ['(Example and Tester 2021)', '(Example and Tester 2021, 50)'],
      'tester-test-book': ['(Tester 2019)', '(Tester 2019, chap. 2)'],
      'sample-test-chapter': ['(Sample 2018)', '(Sample 2018, 12)'],
      'example-test-web-page': ['(Example 2023)', '(Example 2023, para. 4)'],
      'unsc-res-2397': [
        '(United Nations Security Council 2017)',
        '(United Nations Security Council 2017, para. 8)',
      ],
      'rinna-two-peripheries': ['(Rinna, n.d.)', '(Rinna, n.d., para. 3)'],
    },
    bibliography: [
      [
        'example-test-web-page',
        'Example, Ada. 2023. “A Test Web Page.” Example Test Site. March 15, 2023. https://example.org/test-page.',
        '<div class="csl-entry">Example, Ada. 2023. “A Test Web Page.” Example Test Site. March 15, 2023. https://example.org/test-page.</div>',
      ],
      [
        'example-test-article',
        'Example, Ada, and Bob Tester. 2021. “A Test Article.” Journal of Test Data 12 (3): 45–67. https://doi.org/10.5555/test.2021.3.',
        '<div class="csl-entry">Example, Ada, and Bob Tester. 2021. “A Test Article.” <i>Journal of Test Data</i> 12 (3): 45–67. https://doi.org/10.5555/test.2021.3.</div>',
      ],
      [
        'rinna-two-peripheries',
        'Rinna, Anthony V. n.d. “Two Peripheries: The Ukraine War’s Effect on North Korea-Russia Relations.”',
        '<div class="csl-entry">Rinna, Anthony V. n.d. “Two Peripheries: The Ukraine War’s Effect on North Korea-Russia Relations.”</div>',
      ],
      [
        'sample-test-chapter',
        'Sample, Cara. 2018. “A Test Chapter.” In An Edited Test Volume, edited by Dan Editor, 10–20. Testville: Example Press.',
        '<div class="csl-entry">Sample, Cara. 2018. “A Test Chapter.” In <i>An Edited Test Volume</i>, edited by Dan Editor, 10–20. Testville: Example Press.</div>',
      ],
      [
        'tester-test-book',
        'Tester, Bob. 2019. A Test Book. Testville: Example Press.',
        '<div class="csl-entry">Tester, Bob. 2019. <i>A Test Book</i>. Testville: Example Press.</div>',
      ],
      [
        'unga-res-es-11-1',
        'United Nations General Assembly. 2022. “Aggression against Ukraine.”',
        '<div class="csl-entry">United Nations General Assembly. 2022. “Aggression against Ukraine.”</div>',
      ],
      [
        'unsc-res-2397',
        'United Nations Security Council. 2017. “Resolution 2397 (2017).”',
        '<div class="csl-entry">United Nations Security Council. 2017. “Resolution 2397 (2017).”</div>',
      ],
    ],
  },
  apa: {
    citations: {
      'example-test-article': ['(Example & Tester, 2021)', '(Example & Tester, 2021, p. 50)'],
      'tester-test-book': ['(Tester, 2019)', '(Tester, 2019, Chapter 2)'],
      'sample-test-chapter': ['(Sample, 2018)', '(Sample, 2018, p. 12)'],
      'example-test-web-page': ['(Example, 2023)', '(Example, 2023, para. 4)'],
      'unsc-res-2397': [
        '(United Nations Security Council, 2017)',
        '(United Nations Security Council, 2017, para. 8)',
      ],
      'rinna-two-peripheries': ['(Rinna, n.d.)', '(Rinna, n.d., para. 3)'],
    },
    bibliography: [
      [
        'example-test-web-page',
        'Example, A. (2023, March 15). A Test Web Page. Example Test Site. https://example.org/test-page',
        '<div class="csl-entry">Example, A. (2023, March 15). <i>A Test Web Page</i>. Example Test Site. https://example.org/test-page</div>',
      ],
      [
        'example-test-article',
        'Example, A., & Tester, B. (2021). A Test Article. Journal of Test Data, 12(3), 45–67. https://doi.org/10.5555/test.2021.3',
        '<div class="csl-entry">Example, A., &#38; Tester, B. (2021). A Test Article. <i>Journal of Test Data</i>, <i>12</i>(3), 45–67. https://doi.org/10.5555/test.2021.3</div>',
      ],
      [
        'rinna-two-peripheries',
        'Rinna, A. V. (n.d.). Two Peripheries: The Ukraine War’s Effect on North Korea-Russia Relations.',
        '<div class="csl-entry">Rinna, A. V. (n.d.). <i>Two Peripheries: The Ukraine War’s Effect on North Korea-Russia Relations</i>.</div>',
      ],
      [
        'sample-test-chapter',
        'Sample, C. (2018). A Test Chapter. In D. Editor (Ed.), An Edited Test Volume (pp. 10–20). Example Press.',
        '<div class="csl-entry">Sample, C. (2018). A Test Chapter. In D. Editor (Ed.), <i>An Edited Test Volume</i> (pp. 10–20). Example Press.</div>',
      ],
      [
        'tester-test-book',
        'Tester, B. (2019). A Test Book. Example Press.',
        '<div class="csl-entry">Tester, B. (2019). <i>A Test Book</i>. Example Press.</div>',
      ],
      [
        'unga-res-es-11-1',
        'United Nations General Assembly. (2022, March 2). Aggression against Ukraine (A/RES/ES-11/1).',
        '<div class="csl-entry">United Nations General Assembly. (2022, March 2). <i>Aggression against Ukraine</i> (A/RES/ES-11/1).</div>',
      ],
      [
        'unsc-res-2397',
        'United Nations Security Council. (2017, December 22). Resolution 2397 (2017) (S/RES/2397 (2017)).',
        '<div class="csl-entry">United Nations Security Council. (2017, December 22). <i>Resolution 2397 (2017)</i> (S/RES/2397 (2017)).</div>',
      ],
    ],
  },
  'modern-language-association': {
    citations: {
      'example-test-article': ['(Example and Tester)', '(Example and Tester 50)'],
      'tester-test-book': ['(Tester)', '(Tester, chap.2)'],
      'sample-test-chapter': ['(Sample)', '(Sample 12)'],
      'example-test-web-page': ['(Example)', '(Example, para.4)'],
      'unsc-res-2397': ['(United Nations Security Council)', '(United Nations Security Council, para.8)'],
      'rinna-two-peripheries': ['(Rinna)', '(Rinna, para.3)'],
    },
    bibliography: [
      [
        'example-test-web-page',
        'Example, Ada. A Test Web Page. Example Test Site, 15 Mar. 2023, https://example.org/test-page.',
        '<div class="csl-entry">Example, Ada. <i>A Test Web Page</i>. Example Test Site, 15 Mar. 2023, https://example.org/test-page.</div>',
      ],
      [
        'example-test-article',
        'Example, Ada, and Bob Tester. “A Test Article.” Journal of Test Data, vol. 12, no. 3, 2021, pp. 45–67, https://doi.org/10.5555/test.2021.3.',
        '<div class="csl-entry">Example, Ada, and Bob Tester. “A Test Article.” <i>Journal of Test Data</i>, vol. 12, no. 3, 2021, pp. 45–67, https://doi.org/10.5555/test.2021.3.</div>',
      ],
      [
        'rinna-two-peripheries',
        'Rinna, Anthony V. Two Peripheries: The Ukraine War’s Effect on North Korea-Russia Relations.',
        '<div class="csl-entry">Rinna, Anthony V. <i>Two Peripheries: The Ukraine War’s Effect on North Korea-Russia Relations</i>.</div>',
      ],
      [
        'sample-test-chapter',
        'Sample, Cara. “A Test Chapter.” An Edited Test Volume, edited by Dan Editor, Example Press, 2018, pp. 10–20.',
        '<div class="csl-entry">Sample, Cara. “A Test Chapter.” <i>An Edited Test Volume</i>, edited by Dan Editor, Example Press, 2018, pp. 10–20.</div>',
      ],
      [
        'tester-test-book',
        'Tester, Bob. A Test Book. Example Press, 2019.',
        '<div class="csl-entry">Tester, Bob. <i>A Test Book</i>. Example Press, 2019.</div>',
      ],
      [
        'unga-res-es-11-1',
        'United Nations General Assembly. Aggression against Ukraine. A/RES/ES-11/1, 2 Mar. 2022.',
        '<div class="csl-entry">United Nations General Assembly. <i>Aggression against Ukraine</i>. A/RES/ES-11/1, 2 Mar. 2022.</div>',
      ],
      [
        'unsc-res-2397',
        'United Nations Security Council. Resolution 2397 (2017). S/RES/2397 (2017), 22 Dec. 2017.',
        '<div class="csl-entry">United Nations Security Council. <i>Resolution 2397 (2017)</i>. S/RES/2397 (2017), 22 Dec. 2017.</div>',
      ],
    ],
  },
};

describe.each(Object.entries(expected))('%s', (style, { citations, bibliography }) => {
  const processor = createCiteProcessor({ items, style });

  it.each(Object.entries(citations))(
    'cites %s in the text, with and without a locator',
    (key, [bare, located]) => {
      expect(processor.cite([{ key }]).text).toBe(bare);
      const [found] = parseCitations(`[@${key}, ${locators[key]}]`);
      expect(found && processor.cite(found).text).toBe(located);
    },
  );

  it('lists every reference in the bibliography', () => {
    expect(processor.bibliography().map((entry) => [entry.key, entry.text, entry.html])).toEqual(
      bibliography,
    );
  });
});
