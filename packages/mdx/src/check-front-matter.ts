import { type LessonFrontmatter, parseContent } from '@coursekit/content-schema';
import type { VFile } from 'vfile';
import type { CitationRenderer } from './citation-renderer.js';
import { extractFrontMatter } from './front-matter.js';
import { reportProblem } from './report.js';
import { unknownCitationKeysIn } from './text-citations.js';
import { parseYamlSource } from './yaml-source.js';

export interface CheckedFrontMatter {
  /** The front matter as written; undefined when it is missing or not YAML. */
  raw: unknown;
  /** The front matter with defaults applied; undefined when it breaks the lesson schema. */
  data: LessonFrontmatter | undefined;
}

/**
 * Parse a lesson's front matter and check it against `lessonFrontmatterSchema` (and the citation keys in
 * its text against the references), reporting every problem at its line in the `.mdx` file (the front
 * matter starts on line 2).
 */
export function checkFrontMatter(file: VFile, citations?: CitationRenderer): CheckedFrontMatter {
  const found = extractFrontMatter(String(file.value));
  if (!found.ok) {
    const reason =
      found.reason === 'missing'
        ? 'a lesson starts with YAML front matter between two --- lines (id, title, order, …)'
        : 'the front matter is not closed; end it with a line of three dashes (---)';
    reportProblem(file, reason, { place: { line: 1, column: 1 }, rule: `frontmatter/${found.reason}` });
    return { raw: undefined, data: undefined };
  }
  const yaml = parseYamlSource(found.frontMatter.yaml, { firstLine: found.frontMatter.firstLine });
  for (const error of yaml.errors) {
    reportProblem(file, `front matter is not valid YAML: ${error.message}`, {
      place: { line: error.line, column: error.column },
      rule: 'frontmatter/yaml',
    });
  }
  if (yaml.errors.length > 0) return { raw: undefined, data: undefined };
  const checked = parseContent('lesson-frontmatter', yaml.data, file.path);
  const unknownKeys = citations ? unknownCitationKeysIn(yaml.data, file.path, citations) : [];
  const placed = [
    ...(checked.ok ? [] : checked.issues.map((issue) => yaml.place(issue))),
    ...unknownKeys.map(({ issue, text }) => yaml.place(issue, text)),
  ];
  for (const issue of placed) {
    reportProblem(file, issue.message, {
      place: { line: issue.line ?? 1, column: issue.column ?? 1 },
      rule: issue.ruleId,
      severity: issue.severity,
      expected: issue.expected,
      note: issue.note,
    });
  }
  return { raw: yaml.data, data: checked.ok ? checked.data : undefined };
}
