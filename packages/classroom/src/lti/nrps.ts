// Names and Role Provisioning Services 2.0: the LMS course's learners become the class's students before
// they first launch, so the teacher's dashboard shows the whole roster.
import { z } from 'zod';
import type { ClassroomStore, LtiPlatformRecord } from '../storage/types';
import { accessToken } from './ags';
import { classroomRole, NRPS_SCOPE } from './claims';
import { displayNameOf, lmsStudent } from './lms-students';

const FETCH_TIMEOUT_MS = 10_000;
const MAX_PAGES = 100;

const membershipSchema = z.object({
  members: z.array(
    z
      .object({
        user_id: z.string().min(1),
        roles: z.array(z.string()).default([]),
        status: z.string().optional(),
        name: z.string().optional(),
        given_name: z.string().optional(),
        family_name: z.string().optional(),
      })
      .passthrough(),
  ),
});

/** The `rel="next"` URL of a Link header. */
function nextPage(link: string | null): string | undefined {
  return link
    ?.split(',')
    .map((part) => /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)?.[1])
    .find(Boolean);
}

/** Adds the active learners of the LMS course to the class; returns how many students the roster gave. */
export async function syncRoster(
  store: ClassroomStore,
  platform: LtiPlatformRecord,
  membershipsUrl: string,
  classId: string,
  now: number = Date.now(),
): Promise<{ learners: number }> {
  const token = await accessToken(store, platform, [NRPS_SCOPE]);
  let url: string | undefined = membershipsUrl;
  let learners = 0;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
      },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`The roster service of ${platform.name} answered ${response.status}.`);
    const parsed = membershipSchema.safeParse(await response.json());
    if (!parsed.success)
      throw new Error(`The roster of ${platform.name} is not an NRPS membership container.`);
    for (const member of parsed.data.members) {
      if ((member.status ?? 'Active') !== 'Active' || classroomRole(member.roles) !== 'student') continue;
      const student = await lmsStudent(
        store,
        {
          platformId: platform.id,
          sub: member.user_id,
          classId,
          name: displayNameOf({ ...member, sub: member.user_id }),
        },
        now,
      );
      if (student) learners++;
    }
    url = nextPage(response.headers.get('link'));
  }
  return { learners };
}
