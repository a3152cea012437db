import { closestMatches } from '@coursekit/issues';
import type { PhrasingContent, Root, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import type { Node, Point } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { TermUse } from './lesson-data.js';
import { jsxTextElement, literalAttribute, setJsxProps } from './mdx-jsx.js';
import { reportProblem } from './report.js';
import { insideInstructorBlock } from './teacher-only.js';
import { pointInText, slicePosition, textSlice } from './text-place.js';

/** What a lesson needs to know of a glossary entry. */
export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
  aliases?: readonly string[] | undefined;
}

export interface RemarkGlossaryTermsOptions {
  /** The course glossary; when left out, terms are linked by id but not checked. */
  terms?: readonly GlossaryEntry[] | undefined;
}

/** `[[id]]` or `[[id|label]]`. */
const termSyntax = /\[\[([^[\]|\n]+?)(?:\|([^[\]\n]+?))?\]\]/g;

class GlossaryLinker {
  readonly used: TermUse[] = [];
  private readonly byId: Map<string, GlossaryEntry> | undefined;
  // Term names and aliases, lower-cased, to suggest the id behind a name the author typed.
  private readonly idByName = new Map<string, string>();

  constructor(
    private readonly file: VFile,
    terms: readonly GlossaryEntry[] | undefined,
  ) {
    this.byId = terms ? new Map(terms.map((entry) => [entry.id, entry])) : undefined;
    for (const entry of terms ?? []) {
      for (const name of [entry.term, ...(entry.aliases ?? [])])
        this.idByName.set(name.toLowerCase(), entry.id);
    }
  }

  /** The props of `<Term>` for an id, or `undefined` (after reporting) when the glossary lacks it. */
  resolve(id: string, place: Point | Node | undefined, teacherOnly: boolean) {
    const entry = this.byId?.get(id);
    if (this.byId && !entry) {
      const byName = this.idByName.get(id.toLowerCase());
      const expected = byName ? [byName] : closestMatches(id, this.byId.keys());
      reportProblem(
        this.file,
        `unknown glossary term '${id}'; add it to glossary.yaml or use an existing id`,
        { place, rule: 'glossary/unknown-term', expected },
      );
      return undefined;
    }
    const known = this.used.find((use) => use.id === id);
    if (!known) this.used.push({ id, teacherOnly });
    else if (!teacherOnly) known.teacherOnly = false;
    return { id, term: entry?.term, definition: entry?.definition };
  }

  linkText(node: Text, teacherOnly: boolean): PhrasingContent[] | undefined {
    if (!node.value.includes('[[')) return undefined;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(termSyntax)) {
      const [written, rawId = '', label] = match;
      const id = rawId.trim();
      const place = pointInText(this.file, node, match.index, written);
      const props = this.resolve(id, place, teacherOnly);
      if (match.index > last) parts.push(textSlice(this.file, node, last, match.index));
      const shown = label?.trim() || props?.term || id;
      const position = slicePosition(this.file, node, match.index, match.index + written.length);
      parts.push(jsxTextElement('Term', props ?? { id }, [{ type: 'text', value: shown }], position));
      last = match.index + written.length;
    }
    if (last === 0) return undefined;
    if (last < node.value.length) parts.push(textSlice(this.file, node, last));
    return parts;
  }

  linkElement(element: MdxJsxFlowElement | MdxJsxTextElement, teacherOnly: boolean): void {
    const id = literalAttribute(element, 'id');
    if (!id) {
      reportProblem(
        this.file,
        '<Term> needs the id of a glossary entry as a string, as in <Term id="my-term">',
        {
          place: element,
          rule: 'glossary/missing-id',
        },
      );
      return;
    }
    const props = this.resolve(id, element, teacherOnly);
    if (!props) return;
    setJsxProps(element, props);
    if (element.children.length === 0 && props.term) {
      (element.children as PhrasingContent[]).push({ type: 'text', value: props.term });
    }
  }
}

/**
 * Link glossary terms written as `[[id]]`, `[[id|label]]` or `<Term id="…">` to their glossary entry:
 * each becomes `<Term id term definition>` with the label as children. Unknown ids are reported where
 * they are written; the ids used end up in `file.data.termsUsed`.
 */
export const remarkGlossaryTerms: Plugin<[RemarkGlossaryTermsOptions?], Root> = (options = {}) => {
  return (tree, file) => {
    const linker = new GlossaryLinker(file, options.terms);
    visitParents(tree, (node, ancestors) => {
      if (node.type === 'text') {
        const parent = ancestors.at(-1) as { children: Node[] } | undefined;
        const parts = linker.linkText(node, insideInstructorBlock(ancestors));
        if (!parent || !parts) return;
        const index = parent.children.indexOf(node);
        parent.children.splice(index, 1, ...parts);
        return index + parts.length;
      }
      if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Term') {
        linker.linkElement(node, insideInstructorBlock(ancestors));
      }
      return undefined;
    });
    file.data.termsUsed = linker.used;
  };
};
