import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { courseDir } from '../server/course-identity.js';

/** The file in a course folder (beside course.yaml) whose CSS custom properties restyle the site. */
export const themeFile = 'theme.css';

/**
 * The course's `theme.css`, or undefined when it has none. It is CSS as the author wrote it (usually a `:root`
 * block that sets the custom properties of the site's stylesheet, such as `--accent`); a `</style` in it is
 * broken up so that it cannot end the element it is served in.
 */
export async function courseTheme(dir: string = courseDir()): Promise<string | undefined> {
  const css = await readFile(join(dir, themeFile), 'utf8').catch(() => undefined);
  return css?.replace(/<\/(style)/gi, '<\\/$1');
}
