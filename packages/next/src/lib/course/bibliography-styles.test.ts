import { expect, it } from 'vitest';
import { type CourseStyle, chooseStyle, offeredStyles } from './bibliography-styles.js';

const chicago: CourseStyle = {
  id: 'chicago-author-date',
  label: 'Chicago (author-date)',
  style: 'chicago-author-date',
};
const apa: CourseStyle = { id: 'apa', label: 'APA', style: 'apa' };
const fileStyle: CourseStyle = { id: 'course', label: 'IEEE', style: '<style/>' };

it('uses the course style unless another known style is asked for', () => {
  expect(chooseStyle(undefined, chicago)).toEqual({ ok: true, style: chicago });
  expect(chooseStyle('apa', chicago)).toEqual({ ok: true, style: apa });
  expect(chooseStyle(['MLA', 'apa'], chicago)).toEqual({
    ok: true,
    style: { id: 'modern-language-association', label: 'MLA', style: 'modern-language-association' },
  });
});

it('falls back to the course style for an unknown name and reports what was asked', () => {
  expect(chooseStyle('harvard', apa)).toEqual({ ok: false, style: apa, requested: 'harvard' });
});

it("offers a course's own CSL file first, by its title, and only for a course that has one", () => {
  expect(offeredStyles(fileStyle).map((style) => style.label)).toEqual([
    'IEEE',
    'Chicago (author-date)',
    'APA',
    'MLA',
  ]);
  expect(chooseStyle('course', fileStyle)).toEqual({ ok: true, style: fileStyle });
  expect(chooseStyle('course', chicago).ok).toBe(false);
});
