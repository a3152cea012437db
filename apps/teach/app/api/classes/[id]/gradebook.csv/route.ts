import { NextResponse } from 'next/server';
import { gradebookCsv, gradebookFileName } from '@/lib/server/gradebook';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { requireTeacher } from '@/lib/server/sessions';
import { loadDashboard } from '@/lib/server/teacher';

export const dynamic = 'force-dynamic';

/** The class gradebook as a CSV download (teacher only). */
export const GET = apiRoute<{ id: string }>(async (request, context) => {
  await requireTeacher(request, context);
  const dashboard = await loadDashboard(context.storage, context.params.id);
  const fileName = gradebookFileName(dashboard.class.name, new Date(context.now));
  return new NextResponse(gradebookCsv(dashboard), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="${fileName}"`,
      'x-content-type-options': 'nosniff',
    },
  });
});

const otherMethods = methodNotAllowed('GET');

export { otherMethods as POST, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
