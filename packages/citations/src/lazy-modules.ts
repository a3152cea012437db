import { createRequire } from 'node:module';
import type CSL from 'citeproc';

// The heavy dependencies are loaded the first time a call needs them, not when the package is imported: an
// app that only formats citations never loads the BibTeX parser or Zod. They are CommonJS (or ship a
// CommonJS build), so `require` loads them synchronously, as the package's synchronous API needs; in ESM it
// is also the fastest way, since Node's ESM loader scans a CommonJS file for its exports first (120 ms for
// citeproc-js against 20 ms). Each `require` names its module literally, so bundlers still see it.
const requireHere = createRequire(import.meta.url);

let citeprocModule: typeof CSL | undefined;
/** citeproc-js. */
export function citeproc(): typeof CSL {
  citeprocModule ??= requireHere('citeproc') as typeof CSL;
  return citeprocModule;
}

let zodModule: typeof import('zod') | undefined;
/** Zod, for checking CSL data that comes from outside. */
export function zod(): typeof import('zod') {
  zodModule ??= requireHere('zod') as typeof import('zod');
  return zodModule;
}

let citationJs: typeof import('@citation-js/core') | undefined;
/** Citation.js with its BibTeX plugin registered. */
export function citationJsWithBibTeX(): typeof import('@citation-js/core') {
  if (!citationJs) {
    const core = requireHere('@citation-js/core') as typeof import('@citation-js/core');
    requireHere('@citation-js/plugin-bibtex');
    citationJs = core;
  }
  return citationJs;
}

let yamlModule: typeof import('yaml') | undefined;
/** The YAML parser, for CSL-YAML (and for the lines of CSL-JSON problems). */
export function yaml(): typeof import('yaml') {
  yamlModule ??= requireHere('yaml') as typeof import('yaml');
  return yamlModule;
}

let jsoncModule: typeof import('jsonc-parser') | undefined;
/** The JSON parser that reports where JSON text goes wrong. */
export function jsonc(): typeof import('jsonc-parser') {
  jsoncModule ??= requireHere('jsonc-parser') as typeof import('jsonc-parser');
  return jsoncModule;
}

let xmlParserModule: typeof import('fast-xml-parser') | undefined;
/** The XML parser, for checking styles and locales (its CommonJS build is one file: quicker to load). */
export function xmlParser(): typeof import('fast-xml-parser') {
  xmlParserModule ??= requireHere('fast-xml-parser') as typeof import('fast-xml-parser');
  return xmlParserModule;
}

let citeprocPackageVersion: string | undefined;
/** citeproc-js's version, read without loading citeproc-js, for cache keys. */
export function citeprocVersion(): string {
  citeprocPackageVersion ??= (requireHere('citeproc/package.json') as { version: string }).version;
  return citeprocPackageVersion;
}
