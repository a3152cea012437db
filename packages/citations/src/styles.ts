import { apa as apaXml } from '@citation-js/plugin-csl/lib/styles.json';
import { closestMatches } from '@coursekit/issues';
import chicagoAuthorDateXml from 'rehype-citation/node/styles/chicago.js';
import modernLanguageAssociationXml from 'rehype-citation/node/styles/mla.js';
import { CslStyleError } from './errors.js';
import { attribute, childElements, descendants, elementText, parseXml, type XmlElement } from './xml.js';

// The official CSL styles, inlined into dist at build time from the packages that ship them.
const builtInStyleXml = {
  'chicago-author-date': chicagoAuthorDateXml as string,
  apa: apaXml,
  'modern-language-association': modernLanguageAssociationXml as string,
};

/** The name of a built-in style. */
export type BuiltInStyleName = keyof typeof builtInStyleXml;

/** The built-in styles, the default first. */
export const builtInStyles: readonly BuiltInStyleName[] = [
  'chicago-author-date',
  'apa',
  'modern-language-association',
];

/** The style used when none is given. */
export const defaultStyle: BuiltInStyleName = 'chicago-author-date';

/** What a style says about itself in its `<info>`, and whether citations are in the text or in notes. */
export interface StyleInfo {
  /** The style's id, such as `http://www.zotero.org/styles/apa`. */
  id: string;
  title: string;
  class: 'in-text' | 'note';
  /** `true` when the style defines a bibliography. */
  hasBibliography: boolean;
}

/** A checked style: its XML for citeproc and its info. */
export interface ResolvedStyle {
  xml: string;
  info: StyleInfo;
}

const cslNamespace = 'http://purl.org/net/xbiblio/csl';

// A built-in style is checked once per process, not once per processor.
const resolvedBuiltIns = new Map<string, ResolvedStyle>();

function isBuiltInStyleName(style: string): style is BuiltInStyleName {
  return Object.hasOwn(builtInStyleXml, style);
}

/** Checks what citeproc-js would only trip over later: the root, the citation layout, macro names. */
function checkStyleStructure(document: XmlElement): StyleInfo {
  const root = childElements(document, 'style')[0];
  if (!root) {
    const found = Object.keys(document).find((name) => name !== '?xml' && !name.startsWith('#'));
    throw new CslStyleError(`the root element is <${found ?? '?'}>, not <style>; is this a .csl file?`);
  }
  if (attribute(root, 'xmlns') !== cslNamespace) {
    throw new CslStyleError(`<style> must declare xmlns="${cslNamespace}"`);
  }
  const version = attribute(root, 'version');
  if (!version?.startsWith('1.')) {
    throw new CslStyleError(`<style> needs version="1.0" (found ${version ? `"${version}"` : 'none'})`);
  }
  const styleClass = attribute(root, 'class');
  if (styleClass !== 'in-text' && styleClass !== 'note') {
    throw new CslStyleError(`<style> needs class="in-text" or class="note" (found ${styleClass ?? 'none'})`);
  }
  const info = childElements(root, 'info')[0];
  const citation = childElements(root, 'citation')[0];
  if (!citation || childElements(citation, 'layout').length === 0) {
    throw new CslStyleError(
      'the style has no <citation> with a <layout>; a dependent style cannot be used alone',
    );
  }
  const macros = new Set(childElements(root, 'macro').map((macro) => attribute(macro, 'name')));
  for (const [, element] of descendants(root)) {
    const macro = attribute(element, 'macro');
    if (macro !== undefined && !macros.has(macro)) {
      throw new CslStyleError(`the style calls macro '${macro}' but defines no <macro name="${macro}">`);
    }
  }
  const title = elementText(childElements(info, 'title')[0]) ?? 'untitled style';
  return {
    id: elementText(childElements(info, 'id')[0]) ?? title,
    title,
    class: styleClass,
    hasBibliography: childElements(root, 'bibliography').length > 0,
  };
}

/** The XML text of a style: a built-in one by name, or the text given. Throws for an unknown name. */
export function styleXml(style: string = defaultStyle): string {
  if (style.trimStart().startsWith('<')) return style;
  if (!isBuiltInStyleName(style)) {
    const close = closestMatches(style, builtInStyles, { limit: 1 });
    const hint = close.length > 0 ? `did you mean '${close[0]}'? ` : '';
    throw new CslStyleError(
      `unknown style '${style}': ${hint}use ${builtInStyles.map((name) => `'${name}'`).join(', ')} or pass the XML text of a .csl file`,
    );
  }
  return builtInStyleXml[style];
}

/**
 * A built-in style by name (default `chicago-author-date`), or any style as the XML text of a `.csl` file.
 * Throws `CslStyleError` for an unknown name and for XML that is not a usable CSL style.
 */
export function resolveStyle(style: string = defaultStyle): ResolvedStyle {
  const cached = resolvedBuiltIns.get(style);
  if (cached) return cached;
  const xml = styleXml(style);
  const parsed = parseXml(xml);
  if ('problem' in parsed) {
    throw new CslStyleError(`the XML is not well-formed: ${parsed.problem.reason}`, parsed.problem.line);
  }
  const resolved = { xml, info: checkStyleStructure(parsed.document) };
  if (xml !== style) resolvedBuiltIns.set(style, resolved);
  return resolved;
}
