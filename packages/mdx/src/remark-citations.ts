import { CitationsError } from '@coursekit/citations';
import { messages } from '@coursekit/issues';
import type { PhrasingContent, Root, Text } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import type { Node, Point, Position } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { CitationRenderer, FoundCitation, RenderedCitation } from './citation-renderer.js';
import type { CitationUse } from './lesson-data.js';
import { jsxTextElement, literalAttribute, setJsxProps } from './mdx-jsx.js';
import { reportProblem } from './report.js';
import { insideInstructorBlock } from './teacher-only.js';
import { pointInText, slicePosition, textSlice } from './text-place.js';

export interface RemarkCitationsOptions {
  /** The course's references and style; without it, prose is left as written. */
  renderer?: CitationRenderer | undefined;
}

class CitationLinker {
  readonly used: CitationUse[] = [];

  constructor(
    private readonly file: VFile,
    private readonly renderer: CitationRenderer,
  ) {}

  private record(key: string, teacherOnly: boolean): void {
    const known = this.used.find((use) => use.key === key);
    if (!known) this.used.push({ key, teacherOnly });
    else if (!teacherOnly) known.teacherOnly = false;
  }

  /** Report unknown keys at `placeOf(key)`; true when every key is known. */
  private checkKeys(
    keys: readonly string[],
    placeOf: (key: string) => Point | Position | Node | undefined,
  ): boolean {
    let ok = true;
    for (const key of keys) {
      if (this.renderer.has(key)) continue;
      ok = false;
      const expected = this.renderer.suggest(key);
      reportProblem(this.file, messages.unknownCitationKey(key), {
        place: placeOf(key),
        rule: 'citation/unknown-key',
        expected,
      });
    }
    return ok;
  }

  /** Render, reporting what the style cannot print (a reference with no author or title) as an issue. */
  private rendered(
    render: () => RenderedCitation,
    placeOf: () => Point | Position | Node | undefined,
  ): RenderedCitation | undefined {
    try {
      return render();
    } catch (error) {
      if (!(error instanceof CitationsError)) throw error;
      reportProblem(this.file, error.message, { place: placeOf(), rule: error.ruleId });
      return undefined;
    }
  }

  private citationElement(node: Text, found: FoundCitation, teacherOnly: boolean): PhrasingContent {
    const written = node.value.slice(found.start, found.end);
    const known = this.checkKeys(found.keys, (key) => {
      const at = written.indexOf(`@${key}`);
      const index = found.start + Math.max(at, 0);
      return pointInText(this.file, node, index, at === -1 ? written : `@${key}`);
    });
    for (const key of found.keys) this.record(key, teacherOnly);
    if (!known) return textSlice(this.file, node, found.start, found.end);
    const rendered = this.rendered(
      () => this.renderer.render(found.cluster),
      () => pointInText(this.file, node, found.start, written),
    );
    if (!rendered) return textSlice(this.file, node, found.start, found.end);
    return jsxTextElement(
      'Citation',
      {
        keys: found.keys,
        cluster: found.cluster,
        text: rendered.text,
        html: rendered.html,
        references: this.renderer.references(found.keys),
      },
      [],
      slicePosition(this.file, node, found.start, found.end),
    );
  }

  linkText(node: Text, teacherOnly: boolean): PhrasingContent[] | undefined {
    if (!node.value.includes('@')) return undefined;
    const found = this.renderer.find(node.value);
    if (found.length === 0) return undefined;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const citation of found) {
      if (citation.start > last) parts.push(textSlice(this.file, node, last, citation.start));
      parts.push(this.citationElement(node, citation, teacherOnly));
      last = citation.end;
    }
    if (last < node.value.length) parts.push(textSlice(this.file, node, last));
    return parts;
  }

  /** `<Source cite locator>` from `:::source`: check the key and add the rendered citation. */
  linkSource(element: MdxJsxFlowElement, teacherOnly: boolean): void {
    const key = literalAttribute(element, 'cite');
    if (!key) return;
    this.record(key, teacherOnly);
    const attribute = element.attributes.find(
      (item) => item.type === 'mdxJsxAttribute' && item.name === 'cite',
    );
    if (!this.checkKeys([key], () => attribute?.position ?? element.position)) return;
    const locator = literalAttribute(element, 'locator') ?? undefined;
    const rendered = this.rendered(
      () => this.renderer.renderSource(key, locator || undefined),
      () => attribute?.position ?? element.position,
    );
    if (!rendered) return;
    setJsxProps(element, {
      text: rendered.text,
      html: rendered.html,
      references: this.renderer.references([key]),
    });
  }
}

/**
 * Turn pandoc citations in prose (`[@key, para. 3]`, `[see @a; @b]`, `@key`, `[-@key]`) into
 * `<Citation keys cluster text html references>`: the in-text citation rendered in the course's style and
 * the full references for a popover. `:::source` quotations get their citation the same way. Unknown keys
 * are reported where they are written; keys used end up in `file.data.citationsUsed`.
 */
export const remarkCitations: Plugin<[RemarkCitationsOptions?], Root> = (options = {}) => {
  return (tree, file) => {
    const { renderer } = options;
    if (!renderer) {
      file.data.citationsUsed = [];
      return;
    }
    renderer.startDocument();
    const linker = new CitationLinker(file, renderer);
    visitParents(tree, (node, ancestors) => {
      if (node.type === 'text') {
        const parent = ancestors.at(-1) as { children: Node[] } | undefined;
        const parts = linker.linkText(node, insideInstructorBlock(ancestors));
        if (!parent || !parts) return;
        const index = parent.children.indexOf(node);
        parent.children.splice(index, 1, ...parts);
        return index + parts.length;
      }
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Source') {
        linker.linkSource(node, insideInstructorBlock(ancestors));
      }
      return undefined;
    });
    file.data.citationsUsed = linker.used;
  };
};
