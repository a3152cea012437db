import { describe, expect, it } from 'vitest';
import { createTurns } from './turns';

describe('createTurns', () => {
  it('lets a few pieces of a burst run per event-loop turn, in order, with I/O served in between', async () => {
    const turn = createTurns(2);
    const order: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {}
    };
    const burst = [1, 2, 3, 4, 5].map((n) =>
      turn().then(() => {
        busy(3);
        order.push(`work ${n}`);
      }),
    );
    // Something that arrives during the burst: a timer stands in for I/O polled between turns.
    const between = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => order.push('other'));
    await Promise.all([...burst, between]);
    expect(order.filter((entry) => entry.startsWith('work'))).toEqual([
      'work 1',
      'work 2',
      'work 3',
      'work 4',
      'work 5',
    ]);
    // Answered in the middle of the burst, not after all of it.
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('work 5'));
  });
});
