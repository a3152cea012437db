import { closestMatches } from '@coursekit/issues';
import type { BlockContent, Paragraph, Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { type JsxProps, jsxFlowElement } from './mdx-jsx.js';
import { reportProblem } from './report.js';
import { pointAtOffset } from './text-place.js';

/** Container directives an author may write, and the component each becomes. */
export const courseDirectives = {
  objectives: 'Objectives',
  keypoints: 'KeyPoints',
  discussion: 'Discussion',
  source: 'Source',
  instructor: 'Instructor',
} as const;

export type CourseDirectiveName = keyof typeof courseDirectives;

const allowedAttributes: Record<CourseDirectiveName, readonly string[]> = {
  objectives: [],
  keypoints: [],
  discussion: [],
  instructor: [],
  source: ['cite', 'locator'],
};

function isCourseDirective(name: string): name is CourseDirectiveName {
  return Object.hasOwn(courseDirectives, name);
}

/** Where `name=` is written in the directive's opening line, so attribute problems point at the attribute. */
function attributePlace(file: VFile, directive: ContainerDirective, name: string): Point | undefined {
  const start = directive.position?.start;
  if (start?.offset === undefined) return start;
  const source = String(file.value);
  const lineEnd = source.indexOf('\n', start.offset);
  const opening = source.slice(start.offset, lineEnd === -1 ? undefined : lineEnd);
  const at = opening.search(new RegExp(`[{\\s]${name}=`));
  return at === -1 ? start : (pointAtOffset(file, start.offset + at + 1) ?? start);
}

function sourceProps(file: VFile, directive: ContainerDirective): JsxProps {
  const attributes = directive.attributes ?? {};
  const cite = attributes.cite?.trim();
  const locator = attributes.locator?.trim();
  if (!cite) {
    reportProblem(
      file,
      ':::source needs the citation key of the quoted work, as in :::source{cite="@key" locator="para. 3"}',
      { place: directive, rule: 'directive/missing-attribute' },
    );
  }
  if (!locator) {
    reportProblem(
      file,
      ':::source needs a locator saying where the quotation is (locator="para. 3"); a quotation must carry its place',
      { place: directive, rule: 'directive/missing-attribute' },
    );
  }
  return { cite: cite?.replace(/^@/, ''), locator };
}

function checkAttributes(file: VFile, directive: ContainerDirective, name: CourseDirectiveName): void {
  const allowed = allowedAttributes[name];
  for (const attribute of Object.keys(directive.attributes ?? {})) {
    if (allowed.includes(attribute)) continue;
    const expected = closestMatches(attribute, allowed);
    const accepted = allowed.length === 0 ? 'it takes none' : `it takes ${allowed.join(', ')}`;
    reportProblem(file, `unknown attribute '${attribute}' on :::${name}; ${accepted}`, {
      place: attributePlace(file, directive, attribute),
      rule: 'directive/unknown-attribute',
      expected,
    });
  }
}

function labelOf(directive: ContainerDirective): { title?: string; children: BlockContent[] } {
  const [first, ...rest] = directive.children;
  if (first?.type === 'paragraph' && (first as Paragraph).data?.directiveLabel) {
    return { title: mdastToString(first), children: rest as BlockContent[] };
  }
  return { children: directive.children as BlockContent[] };
}

function sourceText(file: VFile, node: TextDirective): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return `:${node.name}`;
  return String(file.value).slice(start, end);
}

/**
 * `true` when a container directive's range does not end with its closing fence. micromark then lets it run
 * to the end of what holds it, so every later heading and section would silently end up inside.
 */
function isUnclosed(file: VFile, directive: ContainerDirective): boolean {
  const start = directive.position?.start.offset;
  const end = directive.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const source = String(file.value);
  const fence = /^:{3,}/.exec(source.slice(start))?.[0].length ?? 3;
  const body = source.slice(start, end);
  const lastLineStart = start + body.lastIndexOf('\n') + 1;
  // A closed container ends on its fence line: `:::`, or `> :::` inside a quotation or a list item...
  const endsOnFence =
    body.includes('\n') && new RegExp(`^[\\s>*+-]*:{${fence},}\\s*$`).test(source.slice(lastLineStart, end));
  // ...of its own, not the one that closed a container nested inside it.
  const lastChildEnd = directive.children.at(-1)?.position?.end.offset ?? start;
  return !(endsOnFence && lastChildEnd <= lastLineStart);
}

/**
 * Report every container left open, where it opens. micromark gives a `:::` line to the outermost open
 * container, so an inner one that is never closed ends at its parent's fence: say which line that was.
 */
function reportUnclosedContainers(tree: Root, file: VFile): void {
  visitParents(tree, 'containerDirective', (directive, ancestors) => {
    if (!isUnclosed(file, directive)) return;
    const opening = `:::${directive.name}`;
    const parent = ancestors.findLast((node) => node.type === 'containerDirective') as
      | ContainerDirective
      | undefined;
    const parentFenceLine = parent && !isUnclosed(file, parent) ? parent.position?.end.line : undefined;
    const message =
      parent && parentFenceLine !== undefined
        ? `${opening} is opened here, inside :::${parent.name} (line ${parent.position?.start.line}), but never closed: the ::: on line ${parentFenceLine} closes :::${parent.name}; add a line with only ::: where the ${directive.name} block ends (or, if :::${parent.name} was meant to end earlier, close it there)`
        : `${opening} is opened here but never closed, so everything after it (the next heading too) ends up inside it; add a line with only ::: where the ${directive.name} block ends`;
    reportProblem(file, message, { place: directive.position?.start, rule: 'directive/unclosed' });
  });
}

function reportUnknown(file: VFile, node: ContainerDirective | LeafDirective): void {
  const names = Object.keys(courseDirectives);
  const expected = closestMatches(node.name, names);
  const marker = node.type === 'containerDirective' ? ':::' : '::';
  reportProblem(file, `unknown directive '${marker}${node.name}'; lessons use :::${names.join(', :::')}`, {
    place: node,
    rule: 'directive/unknown',
    expected: expected.map((name) => `:::${name}`),
  });
}

/**
 * Turn the course's container directives (`:::objectives`, `:::keypoints`, `:::discussion`, `:::source`,
 * `:::instructor`) into components the app provides, report unknown and unclosed ones, and put back as plain text the
 * text directives that prose produces by accident (`10:30`, `note:this`).
 */
export const remarkCourseDirectives: Plugin<[], Root> = () => (tree, file) => {
  reportUnclosedContainers(tree, file);
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'textDirective') {
      const text: Text = { type: 'text', value: sourceText(file, node), position: node.position };
      parent.children.splice(index, 1, text);
      return [SKIP, index];
    }
    if (node.type === 'leafDirective') {
      reportUnknown(file, node);
      return;
    }
    if (node.type !== 'containerDirective') return;
    if (!isCourseDirective(node.name)) {
      reportUnknown(file, node);
      return;
    }
    checkAttributes(file, node, node.name);
    const { title, children } = labelOf(node);
    const props: JsxProps = node.name === 'source' ? { ...sourceProps(file, node), title } : { title };
    const element = jsxFlowElement(courseDirectives[node.name], props, children, node.position);
    for (const attribute of element.attributes) {
      // Directive attributes carry no place of their own; give them one so later checks can point at them.
      const point = attributePlace(file, node, attribute.type === 'mdxJsxAttribute' ? attribute.name : '');
      if (point) attribute.position = { start: point, end: point };
    }
    parent.children.splice(index, 1, element as (typeof parent.children)[number]);
    // Visit the element's children next: directives may nest (a source quoted in a discussion).
    return index;
  });
  mergeAdjacentText(tree);
};

/** Join neighbouring text nodes (left by restored text directives) so later plugins see whole sentences. */
function mergeAdjacentText(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as { type: string }[];
    for (let at = children.length - 1; at > 0; at--) {
      const previous = children[at - 1] as Text;
      const current = children[at] as Text;
      if (previous.type !== 'text' || current.type !== 'text') continue;
      previous.value += current.value;
      if (previous.position && current.position) previous.position.end = current.position.end;
      children.splice(at, 1);
    }
  });
}
