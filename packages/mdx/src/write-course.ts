import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Written into every build's manifest, so a later build knows the folder is its own to replace. */
export const buildMarker = '@coursekit/mdx build';

/** A file of a built course: a path inside the output folder and its content. */
export interface OutputFile {
  path: string;
  content: string;
}

async function isReplaceable(dir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (entries.length === 0) return true;
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      generator?: unknown;
    };
    return manifest.generator === buildMarker;
  } catch {
    return false;
  }
}

/** Thrown when the output folder holds something other than an earlier build. */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
}

/**
 * Write the files into `outDir` all at once: they go to a sibling folder first, which then takes the
 * place of the old build, so a reader never sees half a course. A folder that is not an earlier build
 * (and not empty) is left untouched.
 */
export async function writeOutputFolder(
  outDir: string,
  files: readonly OutputFile[],
  options: { label?: string } = {},
): Promise<void> {
  const target = resolve(outDir);
  if (!(await isReplaceable(target))) {
    throw new OutputFolderError(
      `${options.label ?? outDir} is not empty and holds no earlier coursekit build; choose an empty or new folder for --out`,
    );
  }
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.coursekit-${process.pid}-${Date.now()}`);
  const previous = `${staging}-previous`;
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    let hadPrevious = true;
    try {
      await rename(target, previous);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadPrevious = false;
    }
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadPrevious) await rename(previous, target);
      throw error;
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
