import cslLocales from '@citation-js/plugin-csl/lib/locales.json';
import { CslLocaleError } from './errors.js';
import { attribute, childElements, parseXml } from './xml.js';

/** The built-in locale: CSL `locales-en-US.xml`, as @citation-js/plugin-csl ships it. */
export const builtInLocaleXml: string = cslLocales['en-US'];

/** A locale ready for citeproc: its language tag and the XML text citeproc asks for. */
export interface ResolvedLocale {
  lang: string;
  xml: string;
}

/**
 * `undefined` or `'en-US'` is the built-in en-US locale; any other locale is the XML text of a CSL locale
 * file (`locales-de-DE.xml`), checked here so that a wrong file fails now with a clear message.
 */
export function resolveLocale(locale: string | undefined): ResolvedLocale {
  if (locale === undefined || locale === 'en-US') return { lang: 'en-US', xml: builtInLocaleXml };
  if (!locale.trimStart().startsWith('<')) {
    throw new CslLocaleError(
      `only en-US is built in; for '${locale}' pass the XML text of the CSL locale file (locales-${locale}.xml)`,
    );
  }
  const parsed = parseXml(locale);
  if ('problem' in parsed) {
    const where = parsed.problem.line === undefined ? '' : ` (line ${parsed.problem.line})`;
    throw new CslLocaleError(`the XML is not well-formed${where}: ${parsed.problem.reason}`);
  }
  const root = childElements(parsed.document, 'locale')[0];
  const lang = attribute(root, 'xml:lang');
  if (!root || attribute(root, 'xmlns') !== 'http://purl.org/net/xbiblio/csl') {
    throw new CslLocaleError('the root element must be <locale xmlns="http://purl.org/net/xbiblio/csl">');
  }
  if (!lang) throw new CslLocaleError('<locale> needs an xml:lang attribute, such as xml:lang="de-DE"');
  return { lang, xml: locale };
}
