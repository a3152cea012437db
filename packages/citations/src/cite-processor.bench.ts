import { bench, describe } from 'vitest';
import { createCiteProcessor } from './cite-processor.js';
import { builtInStyles } from './styles.js';
import type { CslItem } from './types.js';

// 200 fictional references: books and journal articles by 50 test authors over 30 years.
const items: CslItem[] = Array.from({ length: 200 }, (_, index) => ({
  id: `test-ref-${index}`,
  type: index % 2 === 0 ? 'book' : 'article-journal',
  author: [{ family: `Example${index % 50}`, given: 'Ada' }],
  title: `A Test Work Number ${index}`,
  ...(index % 2 === 0
    ? { publisher: 'Example Press', 'publisher-place': 'Testville' }
    : { 'container-title': 'Journal of Test Data', volume: String(index % 20), page: '1-20' }),
  issued: { 'date-parts': [[1990 + (index % 30)]] },
}));

// Each run takes seconds: a few samples give the figure without making `pnpm bench` slow.
const options = { time: 0, iterations: 3, warmupIterations: 0 };

describe('build a processor (200 references)', () => {
  for (const style of builtInStyles) {
    bench(style, () => void createCiteProcessor({ items, style }), options);
  }
});

describe('render 1,000 citations', () => {
  for (const style of builtInStyles) {
    const processor = createCiteProcessor({ items, style });
    bench(
      style,
      () => {
        processor.reset();
        for (let index = 0; index < 1000; index += 1) {
          processor.cite([{ key: `test-ref-${index % 200}`, locator: String(index + 1), label: 'page' }]);
        }
      },
      options,
    );
  }
});

describe('render a 200-entry bibliography', () => {
  for (const style of builtInStyles) {
    const processor = createCiteProcessor({ items, style });
    bench(style, () => void processor.bibliography(), options);
  }
});
