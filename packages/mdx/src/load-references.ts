import {
  BibTeXSyntaxError,
  CitationsError,
  CslDataError,
  type CslItem,
  parseBibTeX,
  parseCslJson,
  parseCslYaml,
} from '@coursekit/citations';
import { fileIssue, readCourseFile } from './course-files.js';
import type { CourseIssue } from './issue.js';
import { parseYamlSource, type SourcePoint } from './yaml-source.js';

export interface LoadedReferences {
  /** Undefined when the file is missing or broken (citations are then not checked). */
  items: CslItem[] | undefined;
  issues: CourseIssue[];
}

/**
 * Read the bibliography: BibTeX (`.bib`), CSL-JSON (`.json`) or CSL-YAML (`.yaml`, `.yml`).
 * `declaredAt` is where course.yaml names the file, for the issue when it is missing.
 */
export async function loadReferences(
  dir: string,
  file: string,
  declaredAt: { file: string; place: SourcePoint } | undefined,
): Promise<LoadedReferences> {
  const read = await readCourseFile(dir, file);
  if (!read.ok) {
    const where = declaredAt ?? { file, place: { line: 1, column: 1 } };
    const message = read.missing
      ? `bibliography ${file} not found; create it or fix the bibliography path in course.yaml`
      : `bibliography ${file} cannot be read: ${read.reason}`;
    return { items: undefined, issues: [fileIssue(where.file, message, 'file/missing', where.place)] };
  }
  if (/\.ya?ml$/.test(file)) {
    // CSL-YAML: syntax errors in words, as for every other YAML file of the course.
    const syntax = parseYamlSource(read.text).errors;
    if (syntax.length > 0) {
      return {
        items: undefined,
        issues: syntax.map((error) =>
          fileIssue(file, `not valid YAML: ${error.message}`, 'yaml/syntax', error),
        ),
      };
    }
  }
  try {
    const options = { source: file };
    const items = file.endsWith('.bib')
      ? parseBibTeX(read.text, options)
      : file.endsWith('.json')
        ? parseCslJson(read.text, options)
        : parseCslYaml(read.text, options);
    return { items, issues: [] };
  } catch (error) {
    if (error instanceof BibTeXSyntaxError) {
      const entry = error.key ? ` (in entry '${error.key}')` : '';
      return {
        items: undefined,
        issues: [
          fileIssue(file, `${error.reason}${entry}`, error.ruleId, {
            line: error.line,
            column: error.column,
          }),
        ],
      };
    }
    if (error instanceof CslDataError) {
      return {
        items: undefined,
        issues: error.issues.map((issue) =>
          fileIssue(file, `${issue.path ? `${issue.path}: ` : ''}${issue.message}`, error.ruleId, {
            line: issue.line ?? 1,
            column: 1,
          }),
        ),
      };
    }
    if (error instanceof CitationsError) {
      return { items: undefined, issues: [fileIssue(file, error.message, error.ruleId)] };
    }
    throw error;
  }
}
