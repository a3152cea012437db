import type { Text } from 'mdast';
import type { Point, Position } from 'unist';
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

/** The source point at an offset of the file. */
export function pointAtOffset(file: VFile, offset: number): Point | undefined {
  return locator(file).toPoint(offset);
}

/**
 * The source offsets of `node.value.slice(start, end)`.
 *
 * A text node's value equals its source unless escapes, character references or line breaks differ, so
 * offsets are used directly when they agree; otherwise the slice is searched for in the source, and the
 * whole node is the fallback.
 */
function sliceOffsets(file: VFile, node: Text, start: number, end: number): [number, number] | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const source = String(file.value).slice(from, to);
  if (source === node.value) return [from + start, from + end];
  const wanted = node.value.slice(start, end);
  const at = wanted ? source.indexOf(wanted) : -1;
  return at === -1 ? [from, to] : [from + at, from + at + wanted.length];
}

/** Where `node.value.slice(start, end)` is written in the file. */
export function slicePosition(file: VFile, node: Text, start: number, end: number): Position | undefined {
  const offsets = sliceOffsets(file, node, start, end);
  if (!offsets) return node.position;
  const startPoint = pointAtOffset(file, offsets[0]);
  const endPoint = pointAtOffset(file, offsets[1]);
  return startPoint && endPoint ? { start: startPoint, end: endPoint } : node.position;
}

/** The source point of the text found at `index` in a text node. */
export function pointInText(file: VFile, node: Text, index: number, match: string): Point | undefined {
  return slicePosition(file, node, index, index + match.length)?.start;
}

/** A piece of a text node as a text node of its own, keeping where it is written. */
export function textSlice(file: VFile, node: Text, start: number, end?: number): Text {
  const stop = end ?? node.value.length;
  const position = slicePosition(file, node, start, stop);
  return { type: 'text', value: node.value.slice(start, stop), ...(position ? { position } : {}) };
}
