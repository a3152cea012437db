export { GET } from '@coursekit/next/app/icon.svg/route';
export const dynamic = 'force-static';
