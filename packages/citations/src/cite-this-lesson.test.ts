import { describe, expect, it } from 'vitest';
import { createCiteProcessor } from './cite-processor.js';
import { citeThisLesson } from './cite-this-lesson.js';

const lesson = {
  title: 'From Rupture to Upswing',
  course: 'Two Peripheries',
  authors: ['coursekit contributors'],
  url: 'https://example.org/two-peripheries/rupture-and-upswing',
  accessed: '2024-05-01',
};

describe('citeThisLesson', () => {
  it('makes a web page item in the course, with the reader’s access date', () => {
    expect(citeThisLesson(lesson)).toEqual({
      id: 'this-lesson',
      type: 'webpage',
      title: 'From Rupture to Upswing',
      'container-title': 'Two Peripheries',
      author: [{ literal: 'coursekit contributors' }],
      URL: 'https://example.org/two-peripheries/rupture-and-upswing',
      accessed: { 'date-parts': [[2024, 5, 1]] },
    });
  });

  it('renders in the course style beside the course references', () => {
    const processor = createCiteProcessor({ items: [citeThisLesson(lesson)] });
    expect(processor.bibliography(['this-lesson'])[0]?.text).toBe(
      'coursekit contributors. n.d. “From Rupture to Upswing.” Two Peripheries. Accessed May 1, 2024. https://example.org/two-peripheries/rupture-and-upswing.',
    );
    const apa = createCiteProcessor({
      items: [citeThisLesson({ ...lesson, authors: [{ family: 'Example', given: 'Ada' }] })],
      style: 'apa',
    });
    expect(apa.bibliography()[0]?.text).toBe(
      'Example, A. (n.d.). From Rupture to Upswing. Two Peripheries. Retrieved May 1, 2024, from https://example.org/two-peripheries/rupture-and-upswing',
    );
  });

  it('takes dates as Date objects and partial ISO dates', () => {
    const item = citeThisLesson({
      ...lesson,
      accessed: new Date(Date.UTC(2024, 0, 31)),
      issued: '2023-09',
      id: 'lesson-1',
    });
    expect(item).toMatchObject({
      id: 'lesson-1',
      accessed: { 'date-parts': [[2024, 1, 31]] },
      issued: { 'date-parts': [[2023, 9]] },
    });
  });

  it('rejects dates that are not dates, and an empty title', () => {
    expect(() => citeThisLesson({ ...lesson, accessed: '01/05/2024' })).toThrow(
      "citeThisLesson: accessed '01/05/2024' is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)",
    );
    expect(() => citeThisLesson({ ...lesson, accessed: '2024-02-30' })).toThrow(/not a day of the calendar/);
    expect(() => citeThisLesson({ ...lesson, accessed: new Date('nope') })).toThrow(/invalid Date/);
    expect(() => citeThisLesson({ ...lesson, title: ' ' })).toThrow('citeThisLesson: title is empty');
  });
});
