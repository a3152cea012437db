import { createProcessor } from '@mdx-js/mdx';
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toXast } from 'hast-util-to-xast';
import type { Root as MdastRoot, Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { type Handler, type State, toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { toXml } from 'xast-util-to-xml';
import type { CitationRenderer } from '../citation-renderer.js';
import { esmDefault } from '../esm-default.js';
import { remarkCitations } from '../remark-citations.js';

/** Something a static page cannot show as the course site does, at its place in a course file. */
export interface ExportWarning {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
  rule: string;
}

/** Where the pages of an export link to: the glossary page and each quiz's title. */
export interface StaticLinks {
  /** Href of the glossary page from the page being rendered; undefined when the course has none. */
  glossary?: string | undefined;
  quizTitle(id: string): string | undefined;
}

export interface StaticRenderContext {
  file: string;
  links: StaticLinks;
  warn(warning: ExportWarning): void;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** The props of a generated component: strings as written, other values from their JSON (see mdx-jsx). */
function propsOf(element: JsxElement): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const { value } = attribute;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else {
      try {
        props[attribute.name] = JSON.parse(value.value);
      } catch {
        // An expression the author wrote (`{count + 1}`) has no value without running the lesson.
        props[attribute.name] = undefined;
      }
    }
  }
  return props;
}

function htmlFragment(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

const sectionTitles: Record<string, string> = {
  Objectives: 'Objectives',
  KeyPoints: 'Key points',
  Discussion: 'Discussion',
};

function placeOf(node: { position?: { start: { line: number; column: number } } | undefined }) {
  return { line: node.position?.start.line, column: node.position?.start.column };
}

/** mdast → hast handlers for the course's components, as plain HTML a learning platform can show. */
function componentHandlers(context: StaticRenderContext): Record<string, Handler> {
  const jsx = (state: State, node: JsxElement): ElementContent | ElementContent[] | undefined => {
    const children = state.all(node) as ElementContent[];
    const props = propsOf(node);
    switch (node.name) {
      case 'Instructor':
        // Never in a student page; the student tree has none, this keeps it so.
        return undefined;
      case 'Citation':
        return element(
          'span',
          { className: ['citation'] },
          typeof props.html === 'string' ? htmlFragment(props.html) : [text(String(props.text ?? ''))],
        );
      case 'Term': {
        const id = String(props.id ?? '');
        const properties: Properties = { className: ['term'] };
        if (typeof props.definition === 'string') properties.title = props.definition;
        if (context.links.glossary === undefined) return element('span', properties, children);
        return element('a', { ...properties, href: `${context.links.glossary}#term-${id}` }, children);
      }
      case 'Source': {
        const caption =
          typeof props.html === 'string' ? [element('figcaption', {}, htmlFragment(props.html))] : [];
        const heading =
          typeof props.title === 'string'
            ? [element('p', { className: ['source-title'] }, [text(props.title)])]
            : [];
        return element('figure', { className: ['source'] }, [
          ...heading,
          element('blockquote', {}, children),
          ...caption,
        ]);
      }
      case 'Objectives':
      case 'KeyPoints':
      case 'Discussion': {
        const title = typeof props.title === 'string' ? props.title : sectionTitles[node.name];
        return element('section', { className: [node.name.toLowerCase()] }, [
          element('h2', {}, [text(title ?? node.name)]),
          ...children,
        ]);
      }
      case 'Quiz': {
        const id = String(props.id ?? '');
        const title = context.links.quizTitle(id) ?? id;
        return element('p', { className: ['quiz'] }, [
          text('Quiz: '),
          element('strong', {}, [text(title)]),
          text(' (a separate activity in this course)'),
        ]);
      }
      default: {
        if (node.name && /^[a-z]/.test(node.name)) {
          const properties: Properties = {};
          for (const [name, value] of Object.entries(props)) {
            if (typeof value === 'string' || value === true) properties[name] = value;
          }
          return element(node.name, properties, children);
        }
        context.warn({
          file: context.file,
          ...placeOf(node),
          message: `<${node.name ?? ''}> is an app component that a static page cannot run; only its content is exported`,
          rule: 'export/app-component',
        });
        return children;
      }
    }
  };
  const dropped =
    (what: string) =>
    (_state: State, node: Nodes): undefined => {
      context.warn({
        file: context.file,
        ...placeOf(node),
        message: `${what} needs the lesson's code to run; a static page leaves it out`,
        rule: 'export/expression',
      });
      return undefined;
    };
  return {
    mdxJsxFlowElement: jsx as Handler,
    mdxJsxTextElement: jsx as Handler,
    mdxFlowExpression: dropped('a {expression}') as Handler,
    mdxTextExpression: dropped('a {expression}') as Handler,
    mdxjsEsm: (() => undefined) as Handler,
    yaml: (() => undefined) as Handler,
  };
}

/** A course mdast tree (after the course plugins) as hast, its components as plain HTML. */
export function courseTreeToHast(tree: MdastRoot, context: StaticRenderContext): HastRoot {
  return toHast(tree, { handlers: componentHandlers(context) }) as HastRoot;
}

const markdownParser = createProcessor({ format: 'md', remarkPlugins: [esmDefault(remarkGfm)] });

/**
 * Markdown from a course file (a key point, a definition, a question prompt) as hast, its pandoc citations
 * rendered in the course's citation style.
 */
export function markdownToHast(
  markdown: string,
  citations: CitationRenderer | undefined,
  context: StaticRenderContext,
): HastRoot {
  const file = new VFile({ path: context.file, value: markdown });
  const tree = markdownParser.parse(file) as MdastRoot;
  unified().use(remarkCitations, { renderer: citations }).runSync(tree, file);
  return courseTreeToHast(tree, context);
}

/**
 * The tree as an XHTML fragment for QTI, through xast so that it is XML (every attribute with a value,
 * every element closed). QTI 3 keeps its HTML in its own namespace, so the XHTML namespace is left off.
 */
export function hastToXhtml(tree: HastRoot): string {
  const xml = toXast(tree);
  visit(xml, 'element', (node) => {
    delete node.attributes.xmlns;
  });
  return toXml(xml);
}

export function hastToHtml(tree: HastRoot): string {
  return toHtml(tree);
}
