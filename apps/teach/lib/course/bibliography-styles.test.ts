import { expect, it } from 'vitest';
import { chooseStyle } from './bibliography-styles';

it('uses the course style unless another known style is asked for', () => {
  expect(chooseStyle(undefined, 'chicago-author-date')).toEqual({ ok: true, style: 'chicago-author-date' });
  expect(chooseStyle('apa', 'chicago-author-date')).toEqual({ ok: true, style: 'apa' });
  expect(chooseStyle(['MLA', 'apa'], 'chicago-author-date')).toEqual({
    ok: true,
    style: 'modern-language-association',
  });
});

it('falls back to the course style for an unknown name and reports what was asked', () => {
  expect(chooseStyle('harvard', 'apa')).toEqual({ ok: false, style: 'apa', requested: 'harvard' });
});
