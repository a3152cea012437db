import type { BuiltCourse } from './build-course.js';
import { buildMarker, type OutputFile } from './write-course.js';

/**
 * The files of a built course for `coursekit build --out`. `manifest.json`, `lessons/*.student.js` are
 * fit for students; `teacher.json`, `lessons/*.teacher.js` and `lessons/*.instructor.js` are teacher-only;
 * `quizzes/*.json` hold answer keys and belong on the server only.
 */
export function courseOutputFiles(built: BuiltCourse): OutputFile[] {
  const files: OutputFile[] = [];
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const lessons = built.lessons.map((lesson) => {
    const code = {
      student: `lessons/${lesson.id}.student.js`,
      teacher: lesson.code.teacher === undefined ? undefined : `lessons/${lesson.id}.teacher.js`,
      instructor: lesson.code.instructor ? `lessons/${lesson.id}.instructor.js` : undefined,
    };
    files.push({ path: code.student, content: lesson.code.student });
    if (code.teacher && lesson.code.teacher) files.push({ path: code.teacher, content: lesson.code.teacher });
    if (code.instructor && lesson.code.instructor)
      files.push({ path: code.instructor, content: lesson.code.instructor });
    return {
      id: lesson.id,
      file: lesson.file,
      frontmatter: lesson.frontmatter,
      meta: { ...lesson.meta, bibliography: { student: lesson.meta.bibliography.student } },
      code: { student: code.student },
      teacher: {
        code: { teacher: code.teacher, instructor: code.instructor },
        instructorNotes: lesson.instructorNotes,
      },
    };
  });
  const quizzes: Record<string, string> = {};
  for (const [id, quiz] of Object.entries(built.quizzes)) {
    quizzes[id] = `quizzes/${id}.json`;
    files.push({ path: quizzes[id], content: json(quiz) });
  }
  files.push({
    path: 'manifest.json',
    content: json({
      generator: buildMarker,
      outputFormat: built.outputFormat,
      course: built.course,
      lessons: lessons.map(({ teacher: _teacher, ...student }) => student),
      quizzes,
      glossary: built.glossary ?? null,
      timeline: built.timeline ?? null,
      references: built.references,
      reading: built.reading ?? null,
    }),
  });
  if (built.variant === 'teacher') {
    files.push({
      path: 'teacher.json',
      content: json({
        lessons: Object.fromEntries(
          lessons.map((lesson) => [
            lesson.id,
            { ...lesson.teacher, meta: built.lessons.find((built) => built.id === lesson.id)?.meta },
          ]),
        ),
      }),
    });
  }
  return files;
}
