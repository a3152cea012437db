import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from './draft-saver.js';

describe('createDraftSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends one draft a second after the last of several quick changes', () => {
    const save = vi.fn();
    const saver = createDraftSaver<{ q1: string }>(save, 1000);
    for (const text of ['P', 'Pr', 'Pre', 'Preb']) {
      saver.change({ q1: text });
      vi.advanceTimersByTime(400);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ q1: 'Preb' }, false);
  });

  it('sends what is pending at once, with keepalive, when flushed (the page is hidden)', () => {
    const save = vi.fn();
    const saver = createDraftSaver<{ q1: string }>(save, 1000);
    saver.change({ q1: 'Prebisch' });
    saver.flush(true);
    expect(save).toHaveBeenCalledWith({ q1: 'Prebisch' }, true);
    vi.advanceTimersByTime(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not send a draft equal to the last one sent, nor anything when nothing is pending', () => {
    const save = vi.fn();
    const saver = createDraftSaver<{ q1: string }>(save, 1000);
    saver.flush(true);
    saver.change({ q1: 'a' });
    vi.advanceTimersByTime(1000);
    saver.change({ q1: 'ab' });
    saver.change({ q1: 'a' });
    vi.advanceTimersByTime(1000);
    saver.flush(true);
    expect(save.mock.calls).toEqual([[{ q1: 'a' }, false]]);
  });

  it('drops a pending draft when cancelled (the attempt was submitted)', () => {
    const save = vi.fn();
    const saver = createDraftSaver<{ q1: string }>(save, 1000);
    saver.change({ q1: 'a' });
    saver.cancel();
    vi.advanceTimersByTime(2000);
    saver.flush(true);
    expect(save).not.toHaveBeenCalled();
  });
});
