import { create } from 'xmlbuilder2';

/** An element being built (xmlbuilder2 does not export the type by name). */
export type XMLBuilder = ReturnType<typeof create>;

/** The QTI 3.0 assessment namespace: items, tests and the HTML inside them. */
export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const QTI_SCHEMA_LOCATION = `${QTI_NAMESPACE} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd`;
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** A new document whose root element is in the QTI namespace, with its schema location. */
export function qtiDocument(rootName: string, attributes: Record<string, string>): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele(QTI_NAMESPACE, rootName, attributes)
    .att(XSI_NAMESPACE, 'xsi:schemaLocation', QTI_SCHEMA_LOCATION);
}

/** Serialises without pretty-printing, which would add white space inside mixed content. */
export function serialise(root: XMLBuilder): string {
  return root.end({ prettyPrint: false });
}

/**
 * Appends an XHTML fragment (elements without a namespace) to `parent` in the QTI namespace, where QTI 3
 * keeps its HTML. The fragment is parsed, never pasted, so it cannot break the document.
 */
export function appendXhtml(parent: XMLBuilder, xhtml: string): void {
  const wrapper = create(`<div xmlns="${QTI_NAMESPACE}">${xhtml}</div>`).root();
  for (const child of wrapper.toArray(false)) parent.import(child);
}

/** `<qti-base-value base-type="…">value</qti-base-value>` */
export function baseValue(parent: XMLBuilder, baseType: string, value: string | number): XMLBuilder {
  return parent.ele('qti-base-value', { 'base-type': baseType }).txt(String(value)).up();
}

export function variable(parent: XMLBuilder, identifier: string): XMLBuilder {
  return parent.ele('qti-variable', { identifier }).up();
}

/** `<qti-set-outcome-value identifier>` whose expression `build` adds. */
export function setOutcome(parent: XMLBuilder, identifier: string, build: (at: XMLBuilder) => void): void {
  const set = parent.ele('qti-set-outcome-value', { identifier });
  build(set);
}

/**
 * A number as QTI writes it: the shortest text that reads back as the same double, so that sums in the
 * player (three mapped thirds of a point) add up as they do in `grade`.
 */
export function qtiNumber(value: number): string {
  return String(value);
}
