import { run } from '@mdx-js/mdx';
import { createElement, type ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';

type Props = Record<string, unknown> & { children?: ReactNode };

/** Minimal versions of the components an app provides, showing the props they get as data attributes. */
export const testComponents: Record<string, (props: Props) => ReactNode> = {
  Citation: (props: Props) =>
    createElement(
      'cite',
      { 'data-keys': (props.keys as string[]).join(' '), title: String(props.text) },
      String(props.text),
    ),
  Term: (props: Props) =>
    createElement('dfn', { 'data-id': props.id, title: props.definition }, props.children),
  Source: (props: Props) =>
    createElement(
      'blockquote',
      { 'data-cite': props.cite, 'data-locator': props.locator },
      props.children,
      String(props.text),
    ),
  Instructor: (props: Props) => createElement('aside', { className: 'instructor' }, props.children),
  Quiz: (props: Props) => createElement('div', { 'data-quiz': props.id }),
  Objectives: (props: Props) => createElement('section', { className: 'objectives' }, props.children),
  KeyPoints: (props: Props) => createElement('section', { className: 'keypoints' }, props.children),
  Discussion: (props: Props) => createElement('section', { className: 'discussion' }, props.children),
};

/** Run compiled `function-body` code as an app does (`run` from @mdx-js/mdx) and render it to HTML. */
export async function renderLesson(code: string): Promise<string> {
  const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url });
  return renderToStaticMarkup(createElement(Content, { components: testComponents }));
}
