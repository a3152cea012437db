import { issueText } from '@coursekit/issues';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { issueFromMessage } from '../src/issue.js';
import { parseLessonTree } from '../src/parse-lesson.js';

const serializer = unified().use(remarkMdx).use(remarkFrontmatter).use(remarkGfm).use(remarkStringify);

export interface PluginRun {
  /** The transformed tree written back as MDX, to compare with an expected-output fixture. */
  output: string;
  tree: Root;
  file: VFile;
  /** `line:column  rule  message` for every message, in order. */
  messages: string[];
}

/**
 * Parse a lesson as coursekit does, run `plugins` on it, and write the result back as MDX (directives are
 * not written back: the plugins under test turn them into components).
 */
export async function runPlugins(source: string, plugins: PluggableList): Promise<PluginRun> {
  const file = new VFile({ path: 'lesson.mdx', value: source });
  const tree = (await unified().use(plugins).run(parseLessonTree(file), file)) as Root;
  const messages = file.messages.map((message) => {
    const issue = issueFromMessage(message, 'lesson.mdx');
    return `${issue.line}:${issue.column}  ${issue.ruleId}  ${issueText(issue)}`;
  });
  return {
    get output() {
      return serializer.stringify(tree);
    },
    tree,
    file,
    messages,
  };
}
