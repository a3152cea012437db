import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { variantTree } from '../lesson-variants.js';
import type { LoadedCourse, LoadedLesson } from '../load-course.js';
import { parseLessonTree } from '../parse-lesson.js';
import { remarkCitations } from '../remark-citations.js';
import { remarkCourseDirectives } from '../remark-course-directives.js';
import { remarkGlossaryTerms } from '../remark-glossary-terms.js';
import { remarkHeadingIds } from '../remark-heading-ids.js';
import { remarkKnownComponents } from '../remark-known-components.js';
import { remarkQuizEmbeds } from '../remark-quiz-embeds.js';
import {
  courseTreeToHast,
  type ExportWarning,
  hastToHtml,
  markdownToHast,
  type StaticRenderContext,
} from './static-html.js';

/** One static HTML page of an export. */
export interface CoursePage {
  /** Path in the package: `web/lessons/<id>.html`, `web/glossary.html`. */
  path: string;
  title: string;
  html: string;
}

export const STYLESHEET_PATH = 'web/coursekit.css';
export const GLOSSARY_PATH = 'web/glossary.html';

/** Plain styles so the pages read well inside a platform's frame; platforms may restyle them. */
export const STYLESHEET = `body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46rem; margin: 0 auto; padding: 1rem; }
figure.source { margin: 1.5rem 0; padding-left: 1rem; border-left: 0.25rem solid #888; }
figure.source figcaption { font-size: 0.9em; }
a.term { text-decoration: underline dotted; }
section.references li { margin-bottom: 0.5rem; }
dl.glossary dt { font-weight: bold; margin-top: 1rem; }
`;

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function section(className: string, title: string, children: ElementContent[]): Element {
  return element('section', { className: [className] }, [element('h2', {}, [text(title)]), ...children]);
}

/** The content of Markdown that is one paragraph, unwrapped, for list items. */
function inlineMarkdown(
  markdown: string,
  context: StaticRenderContext,
  citations: LoadedCourse['context']['citations'],
) {
  const tree = markdownToHast(markdown, citations, context);
  const [first] = tree.children;
  if (tree.children.length === 1 && first?.type === 'element' && first.tagName === 'p') return first.children;
  return tree.children as ElementContent[];
}

function document(language: string, title: string, stylesheet: string, body: ElementContent[]): string {
  const tree: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang: language }, [
        element('head', {}, [
          element('meta', { charSet: 'utf-8' }, []),
          element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, []),
          element('title', {}, [text(title)]),
          element('link', { rel: ['stylesheet'], href: stylesheet }, []),
        ]),
        element('body', {}, [element('main', {}, body)]),
      ]),
    ],
  };
  return `${hastToHtml(tree)}\n`;
}

/** The lesson tree a student sees, after the course plugins, as `compileLesson` builds it. */
async function studentTree(loaded: LoadedCourse, lesson: LoadedLesson) {
  const file = new VFile({ path: lesson.file, value: lesson.source });
  const { context } = loaded;
  const transformer = unified()
    .use(remarkCourseDirectives)
    .use(remarkCitations, { renderer: context.citations })
    .use(remarkGlossaryTerms, { terms: context.glossary })
    .use(remarkQuizEmbeds, { quizIds: context.quizIds })
    .use(remarkKnownComponents, { components: context.components })
    .use(remarkHeadingIds);
  const tree = await transformer.run(parseLessonTree(file), file);
  return variantTree(tree as Parameters<typeof variantTree>[0], 'student');
}

function quizTitle(loaded: LoadedCourse) {
  return (id: string) => loaded.quizzes[id]?.title;
}

/**
 * Each lesson as a static HTML page for students: its front matter (objectives, framing questions, key
 * points, discussion; never `instructorNotes`), its body without `:::instructor` blocks, citations in the
 * course's style, glossary terms linked to the glossary page, and the references it cites.
 */
export async function lessonPages(
  loaded: LoadedCourse,
  warn: (warning: ExportWarning) => void,
): Promise<CoursePage[]> {
  const language = loaded.course?.language ?? 'en';
  const citations = loaded.context.citations;
  const pages: CoursePage[] = [];
  for (const lesson of loaded.lessons) {
    const frontmatter = lesson.frontmatter;
    if (!frontmatter) continue;
    const context: StaticRenderContext = {
      file: lesson.file,
      links: { glossary: loaded.glossary ? '../glossary.html' : undefined, quizTitle: quizTitle(loaded) },
      warn,
    };
    const body = courseTreeToHast(await studentTree(loaded, lesson), context);
    const list = (items: readonly string[]) =>
      element(
        'ul',
        {},
        items.map((item) => element('li', {}, inlineMarkdown(item, context, citations))),
      );
    const content: ElementContent[] = [
      element('h1', {}, [text(frontmatter.title)]),
      element('p', { className: ['summary'] }, inlineMarkdown(frontmatter.summary, context, citations)),
      section('objectives', 'Objectives', [list(frontmatter.objectives.map((objective) => objective.text))]),
      section('framing-questions', 'Questions to keep in mind', [list(frontmatter.framingQuestions)]),
      ...(body.children as ElementContent[]),
      section('key-points', 'Key points', [list(frontmatter.keyPoints)]),
    ];
    if (frontmatter.discussion)
      content.push(section('discussion', 'Discussion', [list(frontmatter.discussion)]));
    const references = lesson.meta?.bibliography.student ?? [];
    if (references.length > 0) {
      content.push(
        section('references', 'References', [
          element(
            'ul',
            {},
            references.map((entry) =>
              element('li', { id: `ref-${entry.key}` }, fromHtmlFragment(entry.html)),
            ),
          ),
        ]),
      );
    }
    pages.push({
      path: `web/lessons/${lesson.id}.html`,
      title: frontmatter.title,
      html: document(language, frontmatter.title, '../coursekit.css', content),
    });
  }
  return pages;
}

/** citeproc's HTML (a bibliography entry, a citation) as hast. */
function fromHtmlFragment(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

/** The glossary as one page: each term with an anchor (`#term-<id>`), its definition, sources and links. */
export function glossaryPage(
  loaded: LoadedCourse,
  warn: (warning: ExportWarning) => void,
): CoursePage | undefined {
  const glossary = loaded.glossary;
  if (!glossary) return undefined;
  const file = loaded.course?.glossary ?? 'glossary.yaml';
  const context: StaticRenderContext = { file, links: { glossary: '', quizTitle: quizTitle(loaded) }, warn };
  const citations = loaded.context.citations;
  const terms = glossary.terms.flatMap((term) => {
    const definition = markdownToHast(term.definition, citations, context).children as ElementContent[];
    const extra: ElementContent[] = [];
    if (term.aliases && term.aliases.length > 0)
      extra.push(element('p', {}, [text(`Also: ${term.aliases.join(', ')}`)]));
    if (term.cite && term.cite.length > 0 && citations) {
      const sources = term.cite.map((key) => citations.renderSource(key, term.locator));
      extra.push(
        element('p', { className: ['sources'] }, [
          text('Source: '),
          ...sources.flatMap((source, index) => [
            ...(index > 0 ? [text('; ')] : []),
            element('span', { className: ['citation'] }, fromHtmlFragment(source.html)),
          ]),
        ]),
      );
    }
    if (term.seeAlso && term.seeAlso.length > 0) {
      const named = new Map(glossary.terms.map((entry) => [entry.id, entry.term]));
      extra.push(
        element('p', {}, [
          text('See also: '),
          ...term.seeAlso.flatMap((id, index) => [
            ...(index > 0 ? [text(', ')] : []),
            element('a', { href: `#term-${id}` }, [text(named.get(id) ?? id)]),
          ]),
        ]),
      );
    }
    return [
      element('dt', { id: `term-${term.id}` }, [text(term.term)]),
      element('dd', {}, [...definition, ...extra]),
    ];
  });
  const title = 'Glossary';
  return {
    path: GLOSSARY_PATH,
    title,
    html: document(loaded.course?.language ?? 'en', title, 'coursekit.css', [
      element('h1', {}, [text(title)]),
      element('dl', { className: ['glossary'] }, terms),
    ]),
  };
}
