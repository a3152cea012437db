import { NextResponse } from 'next/server';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { requireTeacher } from '@/lib/server/sessions';
import { loadDashboard } from '@/lib/server/teacher';

export const dynamic = 'force-dynamic';

/** The class's roster × lessons grid, item analysis and teacher notes (teacher only). */
export const GET = apiRoute<{ id: string }>(async (request, context) => {
  await requireTeacher(request, context);
  return NextResponse.json(await loadDashboard(context.storage, context.params.id));
});

const otherMethods = methodNotAllowed('GET');

export { otherMethods as POST, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
