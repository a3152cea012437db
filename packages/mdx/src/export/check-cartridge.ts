import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { create } from 'xmlbuilder2';
import { CC_NAMESPACE, LTI_LINK_NAMESPACE, RESOURCE_TYPES } from './cartridge.js';

/** A Common Cartridge profile rule that a package breaks. */
export interface CartridgeProblem {
  rule: string;
  message: string;
  /** The package file the problem is in, where it is one file (a page's broken link). */
  path?: string;
}

type XmlObject = Record<string, unknown>;

function all(value: unknown): XmlObject[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as XmlObject[];
}

function attribute(node: XmlObject, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as XmlObject)['#'] === 'string')
    return (value as XmlObject)['#'] as string;
  return undefined;
}

const CC_RESOURCE_TYPES = new Set<string>([
  RESOURCE_TYPES.webcontent,
  RESOURCE_TYPES.ltiLink,
  RESOURCE_TYPES.assessment,
  'imsqti_xmlv1p2/imscc_xmlv1p3/question-bank',
  'imsdt_xmlv1p3',
  'imswl_xmlv1p3',
  'associatedcontent/imscc_xmlv1p3/learning-application-resource',
]);

/** Learning application objects: one descriptor file each, opened by the platform, not linked to. */
const LEARNING_APPLICATION_TYPES = new Set<string>([RESOURCE_TYPES.ltiLink, RESOURCE_TYPES.assessment]);

function badPath(path: string): boolean {
  return (
    path.startsWith('/') || path.includes('\\') || path.split('/').includes('..') || /^[a-z]+:/i.test(path)
  );
}

function parse(xml: string, file: string, problems: CartridgeProblem[]): XmlObject | undefined {
  try {
    return create(xml).end({ format: 'object' }) as XmlObject;
  } catch (error) {
    problems.push({ rule: 'cc/xml', message: `${file} is not well-formed XML: ${(error as Error).message}` });
    return undefined;
  }
}

/** Relative links and sources in an HTML page, resolved against the page's folder. */
function pageLinks(html: string, path: string): string[] {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const links: string[] = [];
  visit(fromHtml(html), 'element', (node) => {
    for (const name of ['href', 'src'] as const) {
      const value = node.properties?.[name];
      if (
        typeof value !== 'string' ||
        value === '' ||
        value.startsWith('#') ||
        /^[a-z][a-z0-9+.-]*:/i.test(value)
      )
        continue;
      const target = new URL(value.split('#')[0] as string, `file:///${folder}`).pathname.slice(1);
      links.push(decodeURIComponent(target));
    }
  });
  return links;
}

/**
 * Checks a cartridge against the Common Cartridge 1.3 profile rules that need no schema download: manifest
 * identity, one rooted organisation, unique identifiers, references that resolve, every file listed and
 * present, safe relative paths, known resource types, one descriptor per LTI or QTI resource, LTI links with
 * an absolute launch URL, and web pages whose relative links stay inside the package.
 */
export function checkCartridge(files: ReadonlyMap<string, string | Uint8Array>): CartridgeProblem[] {
  const problems: CartridgeProblem[] = [];
  const problem = (rule: string, message: string) => problems.push({ rule, message });
  const read = (path: string) => {
    const content = files.get(path);
    return typeof content === 'string' ? content : content ? new TextDecoder().decode(content) : undefined;
  };
  const manifestXml = read('imsmanifest.xml');
  if (manifestXml === undefined) {
    problem('cc/manifest', 'imsmanifest.xml is missing from the root of the package');
    return problems;
  }
  const parsed = parse(manifestXml, 'imsmanifest.xml', problems);
  const manifest = parsed?.manifest as XmlObject | undefined;
  if (!manifest) {
    if (parsed) problem('cc/manifest', 'the root element of imsmanifest.xml is not <manifest>');
    return problems;
  }
  if (attribute(manifest, 'xmlns') !== CC_NAMESPACE)
    problem('cc/manifest', `the manifest is not in the Common Cartridge 1.3 namespace ${CC_NAMESPACE}`);
  const metadata = all(manifest.metadata)[0];
  if (textOf(metadata?.schema) !== 'IMS Common Cartridge' || textOf(metadata?.schemaversion) !== '1.3.0')
    problem('cc/manifest', 'metadata must say schema "IMS Common Cartridge", schemaversion "1.3.0"');

  const identifiers = new Map<string, number>();
  const count = (identifier: string | undefined) => {
    if (identifier === undefined) return;
    identifiers.set(identifier, (identifiers.get(identifier) ?? 0) + 1);
  };
  count(attribute(manifest, 'identifier'));

  const resources = all(all(manifest.resources)[0]?.resource);
  const resourceIds = new Set(resources.map((resource) => attribute(resource, 'identifier') ?? ''));
  const listed = new Set<string>();
  for (const resource of resources) {
    const identifier = attribute(resource, 'identifier');
    count(identifier);
    if (!identifier || !/^[A-Za-z_][\w.-]*$/.test(identifier))
      problem('cc/identifier', `resource identifier '${identifier ?? ''}' is not an XML name`);
    const type = attribute(resource, 'type') ?? '';
    if (!CC_RESOURCE_TYPES.has(type))
      problem(
        'cc/resource-type',
        `resource ${identifier}: '${type}' is not a Common Cartridge 1.3 resource type`,
      );
    const hrefs = all(resource.file).map((file) => attribute(file, 'href') ?? '');
    for (const href of hrefs) {
      listed.add(href);
      if (badPath(href))
        problem('cc/path', `resource ${identifier}: '${href}' must be a relative path inside the package`);
      else if (!files.has(href))
        problem('cc/file-exists', `resource ${identifier} lists ${href}, which is not in the package`);
    }
    const href = attribute(resource, 'href');
    if (href !== undefined && !hrefs.includes(href))
      problem('cc/href', `resource ${identifier}: href ${href} is not one of its files`);
    if (LEARNING_APPLICATION_TYPES.has(type) && hrefs.length !== 1)
      problem('cc/descriptor', `resource ${identifier} (${type}) must have exactly one descriptor file`);
    for (const dependency of all(resource.dependency)) {
      const target = attribute(dependency, 'identifierref') ?? '';
      if (!resourceIds.has(target))
        problem('cc/identifierref', `resource ${identifier} depends on unknown resource '${target}'`);
    }
    if (type === RESOURCE_TYPES.ltiLink && hrefs[0] !== undefined)
      checkLtiLink(hrefs[0], read(hrefs[0]), problems);
  }

  const organisations = all(all(manifest.organizations)[0]?.organization);
  if (organisations.length !== 1)
    problem('cc/organization', `a cartridge has one organization; found ${organisations.length}`);
  for (const organisation of organisations) {
    count(attribute(organisation, 'identifier'));
    if (attribute(organisation, 'structure') !== 'rooted-hierarchy')
      problem('cc/organization', 'the organization must have structure="rooted-hierarchy"');
    const roots = all(organisation.item);
    if (roots.length !== 1 || (roots[0] && attribute(roots[0], 'identifierref') !== undefined))
      problem('cc/organization', 'the organization must hold exactly one root item, without identifierref');
    const walk = (item: XmlObject) => {
      const identifier = attribute(item, 'identifier');
      count(identifier);
      const ref = attribute(item, 'identifierref');
      const children = all(item.item);
      if (ref !== undefined) {
        if (!resourceIds.has(ref))
          problem('cc/identifierref', `item ${identifier} refers to unknown resource '${ref}'`);
        if (children.length > 0)
          problem('cc/item-leaf', `item ${identifier} refers to a resource and also holds items`);
      }
      children.forEach(walk);
    };
    roots.forEach(walk);
  }
  for (const [identifier, times] of identifiers)
    if (times > 1)
      problem('cc/identifier-unique', `identifier '${identifier}' is used ${times} times in the manifest`);

  for (const path of files.keys()) {
    if (path === 'imsmanifest.xml') continue;
    if (!listed.has(path)) problem('cc/file-listed', `${path} is in the package but no resource lists it`);
    if (path.endsWith('.html')) {
      for (const target of pageLinks(read(path) ?? '', path))
        if (!files.has(target))
          problems.push({
            rule: 'cc/webcontent-link',
            message: `${path} links to ${target}, which is not in the package`,
            path,
          });
    }
  }
  return problems;
}

function checkLtiLink(path: string, xml: string | undefined, problems: CartridgeProblem[]): void {
  if (xml === undefined) return;
  const link = parse(xml, path, problems)?.cartridge_basiclti_link as XmlObject | undefined;
  if (!link || attribute(link, 'xmlns') !== LTI_LINK_NAMESPACE) {
    problems.push({
      rule: 'cc/lti-link',
      message: `${path} is not a cartridge_basiclti_link in ${LTI_LINK_NAMESPACE}`,
    });
    return;
  }
  if (!textOf(link['blti:title']))
    problems.push({ rule: 'cc/lti-link', message: `${path} has no blti:title` });
  const launch = textOf(link['blti:launch_url']) ?? textOf(link['blti:secure_launch_url']);
  if (!launch || !/^https?:\/\//.test(launch))
    problems.push({ rule: 'cc/lti-link', message: `${path} needs an absolute http(s) launch URL` });
}
