import type { DashboardStudent } from '@coursekit/classroom';
import Link from 'next/link';

/** The class page's way to the marking page, with how many essays wait for the teacher. */
export function MarkingLink({ classId, students }: { classId: string; students: DashboardStudent[] }) {
  const pending = students.reduce(
    (sum, student) =>
      sum + Object.values(student.lessons).reduce((n, cell) => n + (cell?.pendingMarks ?? 0), 0),
    0,
  );
  return (
    <p>
      <Link href={`/teacher/classes/${encodeURIComponent(classId)}/marking`}>
        Mark essays ({pending} awaiting marking)
      </Link>
    </p>
  );
}
