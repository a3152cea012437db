import { closestMatches } from '@coursekit/issues';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { literalAttribute } from './mdx-jsx.js';
import { reportProblem } from './report.js';

export interface RemarkQuizEmbedsOptions {
  /** Ids of the course's quizzes; when left out, ids are collected but not checked. */
  quizIds?: Iterable<string> | undefined;
}

/**
 * Check every `<Quiz id="…"/>`: the id must be written as a string and name a quiz of the course.
 * The ids end up in `file.data.quizzesEmbedded`, in order of appearance.
 */
export const remarkQuizEmbeds: Plugin<[RemarkQuizEmbedsOptions?], Root> = (options = {}) => {
  const known = options.quizIds ? new Set(options.quizIds) : undefined;
  return (tree, file) => {
    const embedded: string[] = [];
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (element.name !== 'Quiz') return;
      const id = literalAttribute(element, 'id');
      if (id === undefined || id === '') {
        reportProblem(file, '<Quiz> needs the id of a quiz in quizzes/, as in <Quiz id="my-quiz" />', {
          place: element,
          rule: 'quiz/missing-id',
        });
        return;
      }
      if (id === null) {
        reportProblem(file, '<Quiz id> must be a plain string (id="my-quiz"), not an expression', {
          place: element,
          rule: 'quiz/missing-id',
        });
        return;
      }
      if (known && !known.has(id)) {
        const expected = closestMatches(id, known);
        reportProblem(file, `unknown quiz id '${id}'; add quizzes/${id}.yaml or use an existing id`, {
          place: element,
          rule: 'quiz/unknown-id',
          expected,
        });
      }
      if (!embedded.includes(id)) embedded.push(id);
    });
    file.data.quizzesEmbedded = embedded;
  };
};
