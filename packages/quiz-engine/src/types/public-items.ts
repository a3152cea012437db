import type { Arrangement } from './common.js';

/**
 * What a learner sees of arranged authored items: one entry per position, in shown order, under its
 * opaque id, with only the fields `publicFieldsAt` picks from the authored item.
 */
export function publicItemsOf<Fields extends object>(
  arrangement: Arrangement,
  publicFieldsAt: (authoredIndex: number) => Fields,
): ({ id: string } & Fields)[] {
  return arrangement.order.map((authoredIndex, position) => ({
    id: arrangement.ids[position] as string,
    ...publicFieldsAt(authoredIndex),
  }));
}
