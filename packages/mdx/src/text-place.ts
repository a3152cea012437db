import type { Text } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

const locators = new WeakMap<VFile, ReturnType<typeof location>>();

function locator(file: VFile) {
  let found = locators.get(file);
  if (!found) {
    found = location(file);
    locators.set(file, found);
  }
  return found;
}

/**
 * The source point of character `index` (and the text `match` found there) inside a text node.
 *
 * A text node's value equals its source unless escapes, character references or line breaks differ, so
 * the offset is used directly when they agree, the match is searched for in the source otherwise, and
 * the node's start is the fallback.
 */
export function pointInText(file: VFile, node: Text, index: number, match: string): Point | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return start;
  const source = String(file.value).slice(start.offset, end.offset);
  let offsetInSource = source === node.value ? index : source.indexOf(match);
  if (offsetInSource === -1) offsetInSource = 0;
  const point = locator(file).toPoint(start.offset + offsetInSource);
  return point ?? start;
}

/** The source point at an offset of the file. */
export function pointAtOffset(file: VFile, offset: number): Point | undefined {
  return locator(file).toPoint(offset);
}
