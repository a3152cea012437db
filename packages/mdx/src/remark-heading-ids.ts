import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { esmDefault } from './esm-default.js';
import type { TocEntry } from './lesson-data.js';
import { insideInstructorBlock } from './teacher-only.js';

/**
 * Give every heading an `id` made from its text (GitHub's slugs, numbered when repeated) and collect the
 * `##` and `###` headings a student sees into `file.data.toc`.
 */
export const remarkHeadingIds: Plugin<[], Root> = () => (tree, file) => {
  const slugger = new (esmDefault(GithubSlugger))();
  const toc: TocEntry[] = [];
  visitParents(tree, 'heading', (heading, ancestors) => {
    const text = mdastToString(heading).trim();
    const id = slugger.slug(text);
    heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    if ((heading.depth === 2 || heading.depth === 3) && !insideInstructorBlock(ancestors)) {
      toc.push({ depth: heading.depth, id, text });
    }
  });
  file.data.toc = toc;
};
