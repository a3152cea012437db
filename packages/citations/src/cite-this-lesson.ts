import { CitationsError } from './errors.js';
import type { CslDate, CslItem, CslName } from './types.js';

export interface CiteThisLessonOptions {
  /** The lesson's title. */
  title: string;
  /** The course's title: the "website" the lesson belongs to. */
  course: string;
  /**
   * The authors. A string is printed as written (right for a group: `coursekit contributors`);
   * give `{ family, given }` for a person, so that styles can invert and abbreviate the name.
   */
  authors?: ReadonlyArray<string | CslName>;
  /** The lesson's address. */
  url?: string;
  /** When the student read the lesson: a `Date` or `YYYY-MM-DD`. */
  accessed?: Date | string;
  /** When the lesson was published or last revised: a `Date`, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  issued?: Date | string;
  /** The item's id (citation key); `this-lesson` unless given. */
  id?: string;
}

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function toCslDate(value: Date | string, field: string): CslDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new CitationsError(`citeThisLesson: ${field} is an invalid Date`, 'citation/date');
    return { 'date-parts': [[value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]] };
  }
  const match = isoDate.exec(value);
  if (!match) {
    throw new CitationsError(
      `citeThisLesson: ${field} '${value}' is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)`,
      'citation/date',
    );
  }
  const parts = match
    .slice(1)
    .filter((part): part is string => part !== undefined)
    .map(Number);
  const [year = 0, month = 1, day = 1] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new CitationsError(
      `citeThisLesson: ${field} '${value}' is not a day of the calendar`,
      'citation/date',
    );
  }
  return { 'date-parts': [parts] };
}

/** A CSL item for the lesson itself, so the app can offer a "Cite this lesson" box in the course's style. */
export function citeThisLesson(options: CiteThisLessonOptions): CslItem {
  for (const field of ['title', 'course'] as const) {
    if (!options[field]?.trim())
      throw new CitationsError(`citeThisLesson: ${field} is empty`, 'citation/lesson');
  }
  const author = (options.authors ?? []).map((name) =>
    typeof name === 'string' ? { literal: name } : { ...name },
  );
  return {
    id: options.id ?? 'this-lesson',
    type: 'webpage',
    title: options.title,
    'container-title': options.course,
    ...(author.length > 0 ? { author } : {}),
    ...(options.url ? { URL: options.url } : {}),
    ...(options.issued ? { issued: toCslDate(options.issued, 'issued') } : {}),
    ...(options.accessed ? { accessed: toCslDate(options.accessed, 'accessed') } : {}),
  };
}
