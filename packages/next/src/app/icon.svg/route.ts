import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { courseDir } from '../../lib/course/get-course.js';

// Read once at build time: the icon belongs to the course folder, like everything else the site shows.
export const dynamic = 'force-static';

/** A plain book mark for a course folder without an `icon.svg` of its own. */
const DEFAULT_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#3b4452"/>' +
  '<path d="M9 8h10a4 4 0 0 1 4 4v12H13a4 4 0 0 1-4-4z" fill="none" stroke="#fff" stroke-width="2.5"/></svg>';

/** `/icon.svg`: the course's `icon.svg` (in its folder, beside course.yaml), else a neutral default. */
export async function GET(): Promise<Response> {
  const svg = await readFile(join(courseDir(), 'icon.svg'), 'utf8').catch(() => DEFAULT_ICON);
  return new Response(svg, {
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' },
  });
}
