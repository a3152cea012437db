import type { XMLParser } from 'fast-xml-parser';
import { xmlParser } from './lazy-modules.js';

/** An XML element as fast-xml-parser gives it: attributes by name, child elements by name. */
export interface XmlElement {
  [nameOrAttribute: string]: unknown;
}

/** Where and why XML text is not well-formed. */
export interface XmlProblem {
  reason: string;
  line?: number;
}

let parser: XMLParser | undefined;

/** Parses XML text, or returns the first well-formedness problem with its line. */
export function parseXml(text: string): { document: XmlElement } | { problem: XmlProblem } {
  const { XMLParser, XMLValidator } = xmlParser();
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => name !== '?xml' && !name.startsWith('@'),
  });
  const result = XMLValidator.validate(text);
  if (result !== true) {
    const line = result.err.line;
    return { problem: { reason: result.err.msg, ...(typeof line === 'number' ? { line } : {}) } };
  }
  return { document: parser.parse(text) as XmlElement };
}

/** The child elements of `element` named `name` (every element name maps to a list). */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  return Array.isArray(value) ? (value as XmlElement[]) : [];
}

/** The value of attribute `name`, when present. */
export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text inside `element` (its own text, not that of its children). */
export function elementText(element: XmlElement | string | undefined): string | undefined {
  if (typeof element === 'string') return element;
  const text = element?.['#text'];
  return typeof text === 'string' ? text : undefined;
}

/** Every element below `element`, depth first, with its name. */
export function* descendants(element: XmlElement): Generator<[string, XmlElement]> {
  for (const [name, value] of Object.entries(element)) {
    if (name.startsWith('@') || name === '#text' || !Array.isArray(value)) continue;
    for (const child of value) {
      if (child && typeof child === 'object') {
        yield [name, child as XmlElement];
        yield* descendants(child as XmlElement);
      }
    }
  }
}
