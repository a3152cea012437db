export { DELETE, GET, HEAD, PATCH, POST, PUT } from '@coursekit/next/app/api/[...path]/route';
export const dynamic = 'force-dynamic';
