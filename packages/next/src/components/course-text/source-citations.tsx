import { getCourse } from '../../lib/course/get-course.js';
import { Citation } from '../lesson/citation.js';

/** The sources of a glossary term or timeline event (`cite` keys, one `locator`), as linked citations. */
export async function SourceCitations({
  keys,
  locator,
}: {
  keys: readonly string[];
  locator?: string | undefined;
}) {
  const course = await getCourse();
  const readingKey = course.reading?.cite;
  return (
    <>
      {keys.map((key, index) => {
        const rendered = course.citations.renderSource(key, locator);
        return (
          <span key={key}>
            {index > 0 ? '; ' : null}
            <Citation
              keys={[key]}
              cluster={{ items: [{ key, locator }] }}
              text={rendered.text}
              html={rendered.html}
              references={course.citations.references([key])}
              readingKey={readingKey}
            />
          </span>
        );
      })}
    </>
  );
}
