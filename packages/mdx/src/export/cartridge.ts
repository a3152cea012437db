import type { Quiz } from '@coursekit/quiz-engine';
import { create } from 'xmlbuilder2';
import type { LoadedCourse } from '../load-course.js';
import { type CoursePage, glossaryPage, lessonPages, STYLESHEET, STYLESHEET_PATH } from './course-pages.js';
import type { ExportWarning } from './static-html.js';

export const CC_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1';
export const CC_LOM_MANIFEST_NAMESPACE = 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const CC_SCHEMA_LOCATION = [
  `${CC_NAMESPACE} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd`,
  `${CC_LOM_MANIFEST_NAMESPACE} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd`,
].join(' ');

export const LTI_LINK_NAMESPACE = 'http://www.imsglobal.org/xsd/imslticc_v1p3';
const BLTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsbasiclti_v1p0';
const LTICM_NAMESPACE = 'http://www.imsglobal.org/xsd/imslticm_v1p0';
const LTICP_NAMESPACE = 'http://www.imsglobal.org/xsd/imslticp_v1p0';
const LTI_SCHEMA_LOCATION = [
  `${LTI_LINK_NAMESPACE} http://www.imsglobal.org/xsd/lti/ltiv1p3/imslticc_v1p3.xsd`,
  `${BLTI_NAMESPACE} http://www.imsglobal.org/xsd/lti/ltiv1p0/imsbasiclti_v1p0p1.xsd`,
  `${LTICM_NAMESPACE} http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticm_v1p0.xsd`,
  `${LTICP_NAMESPACE} http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticp_v1p0.xsd`,
].join(' ');

export const RESOURCE_TYPES = {
  webcontent: 'webcontent',
  ltiLink: 'imsbasiclti_xmlv1p3',
  assessment: 'imsqti_xmlv1p2/imscc_xmlv1p3/assessment',
} as const;

/** How the cartridge carries quizzes: as links to the coursekit tool (graded on our server) or as QTI. */
export type CartridgeQuizzes =
  | { as: 'lti'; launchUrl: string }
  | { as: 'qti'; assessment: (quiz: Quiz) => string };

export interface CartridgeOptions {
  quizzes: CartridgeQuizzes;
}

export interface Cartridge {
  /** Path in the package → content; `imsmanifest.xml` first. */
  files: Map<string, string>;
  warnings: ExportWarning[];
}

interface Resource {
  identifier: string;
  type: string;
  href?: string;
  files: string[];
  dependencies: string[];
}

function ltiLink(quiz: Quiz, launchUrl: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(LTI_LINK_NAMESPACE, 'cartridge_basiclti_link')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:blti', BLTI_NAMESPACE)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:lticm', LTICM_NAMESPACE)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:lticp', LTICP_NAMESPACE)
    .att(XSI_NAMESPACE, 'xsi:schemaLocation', LTI_SCHEMA_LOCATION);
  root.ele(BLTI_NAMESPACE, 'blti:title').txt(quiz.title);
  root
    .ele(BLTI_NAMESPACE, 'blti:description')
    .txt(`A coursekit quiz, graded by the coursekit tool (quiz ${quiz.id})`);
  // The tool opens the quiz named by this custom parameter (LTI 1.3 claim `custom`).
  root
    .ele(BLTI_NAMESPACE, 'blti:custom')
    .ele(LTICM_NAMESPACE, 'lticm:property', { name: 'quiz_id' })
    .txt(quiz.id);
  root.ele(BLTI_NAMESPACE, 'blti:launch_url').txt(launchUrl);
  if (launchUrl.startsWith('https:')) root.ele(BLTI_NAMESPACE, 'blti:secure_launch_url').txt(launchUrl);
  const vendor = root.ele(BLTI_NAMESPACE, 'blti:vendor');
  vendor.ele(LTICP_NAMESPACE, 'lticp:code').txt('coursekit');
  vendor.ele(LTICP_NAMESPACE, 'lticp:name').txt('coursekit');
  return root.end({ prettyPrint: true });
}

function manifest(loaded: LoadedCourse, resources: Resource[], organisation: OrganisationItem[]): string {
  const course = loaded.course;
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(CC_NAMESPACE, 'manifest', { identifier: `cc-${course?.id ?? 'course'}` })
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:lomimscc', CC_LOM_MANIFEST_NAMESPACE)
    .att(XSI_NAMESPACE, 'xsi:schemaLocation', CC_SCHEMA_LOCATION);
  const metadata = root.ele('metadata');
  metadata.ele('schema').txt('IMS Common Cartridge');
  metadata.ele('schemaversion').txt('1.3.0');
  const language = course?.language ?? 'en';
  const general = metadata
    .ele(CC_LOM_MANIFEST_NAMESPACE, 'lomimscc:lom')
    .ele(CC_LOM_MANIFEST_NAMESPACE, 'lomimscc:general');
  general
    .ele(CC_LOM_MANIFEST_NAMESPACE, 'lomimscc:title')
    .ele(CC_LOM_MANIFEST_NAMESPACE, 'lomimscc:string', { language })
    .txt(course?.title ?? 'Course');
  if (course?.summary) {
    general
      .ele(CC_LOM_MANIFEST_NAMESPACE, 'lomimscc:description')
      .ele(CC_LOM_MANIFEST_NAMESPACE, 'lomimscc:string', { language })
      .txt(course.summary);
  }
  const top = root
    .ele('organizations')
    .ele('organization', { identifier: 'organisation', structure: 'rooted-hierarchy' })
    .ele('item', { identifier: 'root' });
  const addItems = (parent: typeof top, items: OrganisationItem[]) => {
    for (const item of items) {
      const attributes: Record<string, string> = { identifier: item.identifier };
      if (item.resource) attributes.identifierref = item.resource;
      const node = parent.ele('item', attributes);
      node.ele('title').txt(item.title);
      if (item.children) addItems(node, item.children);
    }
  };
  addItems(top, organisation);
  const list = root.ele('resources');
  for (const resource of resources) {
    const attributes: Record<string, string> = { identifier: resource.identifier, type: resource.type };
    if (resource.href) attributes.href = resource.href;
    const node = list.ele('resource', attributes);
    for (const file of resource.files) node.ele('file', { href: file });
    for (const dependency of resource.dependencies) node.ele('dependency', { identifierref: dependency });
  }
  return root.end({ prettyPrint: true });
}

interface OrganisationItem {
  identifier: string;
  title: string;
  resource?: string;
  children?: OrganisationItem[];
}

/**
 * A course as an IMS Common Cartridge 1.3: each lesson a static page (web content) in a module with its
 * quiz, the glossary a page, and each quiz an LTI 1.3 resource link to the coursekit tool (the quiz id as
 * the custom parameter `quiz_id`) or a QTI assessment. `loaded` must have loaded without errors.
 */
export async function buildCartridge(loaded: LoadedCourse, options: CartridgeOptions): Promise<Cartridge> {
  const warnings: ExportWarning[] = [];
  const warn = (warning: ExportWarning) => warnings.push(warning);
  const files = new Map<string, string>();
  const resources: Resource[] = [
    {
      identifier: 'res-stylesheet',
      type: RESOURCE_TYPES.webcontent,
      files: [STYLESHEET_PATH],
      dependencies: [],
    },
  ];
  files.set(STYLESHEET_PATH, STYLESHEET);
  const page = (resource: string, content: CoursePage) => {
    files.set(content.path, content.html);
    resources.push({
      identifier: resource,
      type: RESOURCE_TYPES.webcontent,
      href: content.path,
      files: [content.path],
      dependencies: ['res-stylesheet'],
    });
  };

  const quizResource = new Map<string, string>();
  for (const quiz of Object.values(loaded.quizzes)) {
    const identifier = `res-quiz-${quiz.id}`;
    quizResource.set(quiz.id, identifier);
    if (options.quizzes.as === 'lti') {
      const path = `lti/${quiz.id}.xml`;
      files.set(path, ltiLink(quiz, options.quizzes.launchUrl));
      resources.push({ identifier, type: RESOURCE_TYPES.ltiLink, files: [path], dependencies: [] });
    } else {
      const path = `assessments/${quiz.id}/assessment.xml`;
      files.set(path, options.quizzes.assessment(quiz));
      resources.push({ identifier, type: RESOURCE_TYPES.assessment, files: [path], dependencies: [] });
    }
  }

  const organisation: OrganisationItem[] = [];
  const placedQuizzes = new Set<string>();
  const pages = await lessonPages(loaded, warn);
  loaded.lessons.forEach((lesson) => {
    const content = pages.find((candidate) => candidate.path === `web/lessons/${lesson.id}.html`);
    if (!content) return;
    page(`res-lesson-${lesson.id}`, content);
    const children: OrganisationItem[] = [
      { identifier: `item-lesson-${lesson.id}`, title: content.title, resource: `res-lesson-${lesson.id}` },
    ];
    const quizId = lesson.frontmatter?.quiz ?? lesson.meta?.quizzes[0];
    const quiz = quizId === undefined ? undefined : loaded.quizzes[quizId];
    if (quiz && !placedQuizzes.has(quiz.id)) {
      placedQuizzes.add(quiz.id);
      children.push({
        identifier: `item-quiz-${quiz.id}`,
        title: quiz.title,
        resource: quizResource.get(quiz.id) as string,
      });
    }
    organisation.push({ identifier: `module-${lesson.id}`, title: content.title, children });
  });
  const unplaced = Object.values(loaded.quizzes).filter((quiz) => !placedQuizzes.has(quiz.id));
  if (unplaced.length > 0) {
    organisation.push({
      identifier: 'module-quizzes',
      title: 'Quizzes',
      children: unplaced.map((quiz) => ({
        identifier: `item-quiz-${quiz.id}`,
        title: quiz.title,
        resource: quizResource.get(quiz.id) as string,
      })),
    });
  }
  const glossary = glossaryPage(loaded, warn);
  if (glossary) {
    page('res-glossary', glossary);
    organisation.push({
      identifier: 'module-glossary',
      title: glossary.title,
      children: [{ identifier: 'item-glossary', title: glossary.title, resource: 'res-glossary' }],
    });
  }
  const ordered = new Map<string, string>([['imsmanifest.xml', manifest(loaded, resources, organisation)]]);
  for (const [path, content] of files) ordered.set(path, content);
  return { files: ordered, warnings };
}
