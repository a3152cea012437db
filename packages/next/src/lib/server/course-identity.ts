import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

/** Which course a build was made from: its `id` and a hash of every file of its folder. */
export interface CourseIdentity {
  /** `id` from course.yaml (undefined when the file or the key is missing). */
  id: string | undefined;
  /** SHA-256 over the sorted relative paths and contents of the folder's files (hex). */
  hash: string;
  /** The folder, as given (for messages). */
  dir: string;
}

/**
 * `COURSE_DIR` when set, else the folder `withCoursekit` was given (`COURSEKIT_COURSE_DIR`, inlined into the build),
 * else `course`, relative to the project folder (Next runs with it as cwd).
 */
export function courseDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env.COURSE_DIR?.trim();
  if (!configured) {
    // Spelled `process.env.X` so that Next.js inlines the value `withCoursekit` set at build time.
    const fallback =
      env === process.env ? process.env.COURSEKIT_COURSE_DIR?.trim() : env.COURSEKIT_COURSE_DIR?.trim();
    return resolve(/*turbopackIgnore: true*/ process.cwd(), fallback || 'course');
  }
  // An operator's folder, known only at run time: nothing for the build to trace.
  return isAbsolute(configured)
    ? normalize(configured)
    : resolve(/*turbopackIgnore: true*/ process.cwd(), configured);
}

// Editor and system litter (.DS_Store, .git, swap files) does not change what the pages show.
function ignored(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name.endsWith('~');
}

/** The course folder's files as sorted `/`-separated relative paths. */
function courseFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (ignored(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * Reads the course folder's identity. Each path and content is length-prefixed in the hash so that moving bytes
 * between a name and a file, or between two files, gives another hash.
 */
export function courseIdentity(dir: string): CourseIdentity {
  const hash = createHash('sha256');
  let id: string | undefined;
  for (const file of courseFiles(dir)) {
    const content = readFileSync(join(dir, file));
    hash.update(`${Buffer.byteLength(file)}:${file}\0${content.length}:`);
    hash.update(content);
    if (file === 'course.yaml') {
      try {
        const parsed: unknown = parse(content.toString('utf8'));
        const value = (parsed as { id?: unknown } | null)?.id;
        if (typeof value === 'string') id = value;
      } catch {
        // A broken course.yaml is the course check's to report; here the hash alone tells courses apart.
      }
    }
  }
  return { id, hash: hash.digest('hex'), dir };
}

const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
/** What to run to build for the given course: with `COURSE_DIR` (absolute) only when the operator set it. */
const buildCommand = (dir: string, configured: boolean, command: string): string =>
  `${configured ? `COURSE_DIR=${shellWord(dir)} ` : ''}${command}`;
const named = (identity: Pick<CourseIdentity, 'id'>): string =>
  identity.id ? `"${identity.id}"` : 'a course without an id';

/**
 * Why a server built for `built` must not serve `given`, as one line that says what to run; undefined when they are
 * the same course with the same files. `configured` is `COURSE_DIR` as the operator wrote it, `command` what builds
 * the project (both for the command the message gives).
 */
export function courseMismatch(
  built: CourseIdentity | undefined,
  given: CourseIdentity,
  configured?: string,
  // The project's build command, as withCoursekit's `buildCommand` gave it (inlined at build time).
  command: string = process.env.COURSEKIT_BUILD_COMMAND?.trim() || 'npm run build',
): string | undefined {
  const rebuild = buildCommand(given.dir, Boolean(configured?.trim()), command);
  if (!built) {
    return `coursekit cannot start: this build does not record which course it was built with; rebuild it: ${rebuild}`;
  }
  if (built.hash === given.hash) return undefined;
  if (built.id === given.id) {
    return (
      `coursekit cannot start: the course ${named(given)} in ${given.dir} has changed since this build ` +
      `(content ${given.hash.slice(0, 12)}, built with ${built.hash.slice(0, 12)}), so its pages would be stale; ` +
      `rebuild: ${rebuild}`
    );
  }
  return (
    `coursekit cannot start: this build serves the course ${named(built)} (from ${built.dir}), but COURSE_DIR ` +
    `gives ${named(given)} (${given.dir}); build for that course first: ${rebuild}`
  );
}
