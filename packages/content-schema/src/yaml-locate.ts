import type { Issue } from '@coursekit/issues';
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { SourcePosition } from './course-issue.js';
import { parseJsonPointer } from './json-pointer.js';

/** Finds places in one YAML source; build it once per file when locating many issues. */
export type YamlLocator = (pointer: string, target?: 'key' | 'value', text?: string) => SourcePosition;

/**
 * A locator for YAML source text: given a JSON pointer into the parsed data, the 1-based `line` and
 * `column` of that value (or of its key, with `target: 'key'`). A pointer to something that is not in the
 * source (a missing field) gives the place of the nearest enclosing value that is. With `text`, the place
 * of that text inside the value, when it is written there as is: a citation key inside an explanation.
 */
export function createYamlLocator(source: string): YamlLocator {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, keepSourceTokens: false });
  const positionOf = (offset: number | undefined): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };

  return (pointer, target = 'value', text) => {
    const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(document) : node);
    let node = resolve(document.contents) as Node | null | undefined;
    let position = positionOf(node?.range?.[0]);
    const segments = parseJsonPointer(pointer);
    for (const [index, segment] of segments.entries()) {
      const last = index === segments.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => String(isScalar(item.key) ? item.key.value : item.key) === segment,
        );
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        const value = resolve(pair.value) as Node | null;
        const valueIsBlank = !value || (isScalar(value) && value.value === null && !value.source);
        if ((last && target === 'key') || valueIsBlank) {
          position = positionOf(keyNode?.range?.[0]);
          if (valueIsBlank) break;
        } else {
          position = positionOf(value?.range?.[0]);
        }
        node = value;
      } else if (isSeq(node)) {
        const item = resolve(node.items[Number(segment)]) as Node | undefined;
        if (!/^\d+$/.test(segment) || !item) break;
        position = positionOf(item.range?.[0]);
        node = item;
      } else {
        break;
      }
    }
    const range = text ? node?.range : undefined;
    if (text && range) {
      const at = source.indexOf(text, range[0]);
      if (at !== -1 && at < range[1]) return positionOf(at);
    }
    return position;
  };
}

/** The place of `pointer` in YAML source text; see `createYamlLocator`. */
export function locateInYaml(
  source: string,
  pointer: string,
  target: 'key' | 'value' = 'value',
): SourcePosition {
  return createYamlLocator(source)(pointer, target);
}

/** The place of an issue in the YAML source of its file (the key itself for an unknown key). */
export function locateIssue(source: string, issue: Pick<Issue, 'pointer' | 'target'>): SourcePosition {
  return locateInYaml(source, issue.pointer ?? '', issue.target ?? 'value');
}
