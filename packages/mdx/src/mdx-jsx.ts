import type { Program } from 'estree';
import { valueToEstree } from 'estree-util-value-to-estree';
import type { BlockContent, PhrasingContent } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxAttributeValueExpression,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import { markDataProgram } from './sealed-values.js';

/** Props of a generated component: strings become plain attributes, anything else a JS expression. */
export type JsxProps = Record<string, unknown>;

/**
 * Data programs by the JSON of their value. A course repeats the same props (a citation and its references)
 * in lesson after lesson, and a data program is never changed by a build (see `markDataProgram`), so one
 * program serves every prop of the same value. Emptied when full, to keep a long-lived process small.
 */
const dataProgramsByJson = new Map<string, Program>();
const dataProgramsKept = 2000;

function dataProgram(value: unknown, json: string): Program {
  let program = dataProgramsByJson.get(json);
  if (!program) {
    if (dataProgramsByJson.size >= dataProgramsKept) dataProgramsByJson.clear();
    program = markDataProgram({
      type: 'Program',
      sourceType: 'module',
      body: [{ type: 'ExpressionStatement', expression: valueToEstree(value) }],
    });
    dataProgramsByJson.set(json, program);
  }
  return program;
}

function attributeValue(value: unknown): string | MdxJsxAttributeValueExpression | null {
  if (value === true) return null;
  if (typeof value === 'string') return value;
  // The compiler reads expression attributes from their estree, not from `value`, so both are set.
  const json = JSON.stringify(value);
  return { type: 'mdxJsxAttributeValueExpression', value: json, data: { estree: dataProgram(value, json) } };
}

/** Turn props into MDX JSX attributes; `undefined` and `false` props are left out. */
export function jsxAttributes(props: JsxProps): MdxJsxAttribute[] {
  const attributes: MdxJsxAttribute[] = [];
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    attributes.push({ type: 'mdxJsxAttribute', name, value: attributeValue(value) });
  }
  return attributes;
}

/** An inline component such as `<Citation>` or `<Term>`. */
export function jsxTextElement(
  name: string,
  props: JsxProps,
  children: PhrasingContent[],
  position?: Position,
): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: jsxAttributes(props), children, position };
}

/** A block component such as `<Source>` or `<Instructor>`. */
export function jsxFlowElement(
  name: string,
  props: JsxProps,
  children: BlockContent[],
  position?: Position,
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: jsxAttributes(props),
    children: children as MdxJsxFlowElement['children'],
    position,
  };
}

/** The literal string value of an attribute, `undefined` when absent, `null` when it is an expression. */
export function literalAttribute(
  element: MdxJsxFlowElement | MdxJsxTextElement,
  name: string,
): string | null | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== name) continue;
    if (attribute.value === null || attribute.value === undefined) return '';
    return typeof attribute.value === 'string' ? attribute.value : null;
  }
  return undefined;
}

/** Set or replace attributes on an existing element (for `<Term id="…">` written by the author). */
export function setJsxProps(element: MdxJsxFlowElement | MdxJsxTextElement, props: JsxProps): void {
  const names = new Set(Object.keys(props));
  element.attributes = [
    ...element.attributes.filter(
      (attribute) => attribute.type !== 'mdxJsxAttribute' || !names.has(attribute.name),
    ),
    ...jsxAttributes(props),
  ];
}
