import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { VFile } from 'vfile';
import { esmDefault } from './esm-default.js';

// Only `parse` is used: it knows the syntax (MDX, front matter, GFM, directives) and runs no transforms.
const parser = createProcessor({
  format: 'mdx',
  remarkPlugins: [esmDefault(remarkFrontmatter), esmDefault(remarkGfm), esmDefault(remarkDirective)],
});

/** The mdast of a lesson. Throws the parser's `VFileMessage` (with its place) on an MDX syntax error. */
export function parseLessonTree(file: VFile): Root {
  return parser.parse(file) as Root;
}
