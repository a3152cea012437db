import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/server/body';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { requireTeacher } from '@/lib/server/sessions';
import { createClass, createClassSchema } from '@/lib/server/teacher';

export const dynamic = 'force-dynamic';

/** The teacher's classes: `{ classes: [{ id, name, joinCode, createdAt, studentCount }] }`. */
export const GET = apiRoute(async (request, context) => {
  await requireTeacher(request, context);
  const classes = await context.storage.listClasses();
  return NextResponse.json({
    classes: classes.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
  });
});

/** `{ name }` → 201 `{ id, name, joinCode }`. */
export const POST = apiRoute(async (request, context) => {
  await requireTeacher(request, context);
  const { name } = await readJsonBody(request, createClassSchema);
  const created = await createClass(context.storage, name, context.now);
  return NextResponse.json(
    { id: created.id, name: created.name, joinCode: created.joinCode },
    { status: 201 },
  );
});

const otherMethods = methodNotAllowed('GET', 'POST');

export { otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
