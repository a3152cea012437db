// The LTI 1.3 claim names and the roles that make a launching user a teacher or a student.
export const LTI_VERSION = '1.3.0';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim';
export const CLAIM = {
  messageType: `${LTI}/message_type`,
  version: `${LTI}/version`,
  deploymentId: `${LTI}/deployment_id`,
  targetLinkUri: `${LTI}/target_link_uri`,
  resourceLink: `${LTI}/resource_link`,
  roles: `${LTI}/roles`,
  context: `${LTI}/context`,
  custom: `${LTI}/custom`,
  toolPlatform: `${LTI}/tool_platform`,
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

export const MESSAGE = {
  resourceLink: 'LtiResourceLinkRequest',
  deepLinkingRequest: 'LtiDeepLinkingRequest',
  deepLinkingResponse: 'LtiDeepLinkingResponse',
} as const;

export const AGS_SCOPE = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  result: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
} as const;
export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

// Context roles first (membership#Instructor), then institution and system roles that run courses.
const TEACHING_ROLES = [
  /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership#(Instructor|ContentDeveloper|Administrator|Mentor)$/,
  /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership\/Instructor#/,
  /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/(institution|system)\/person#(Administrator|Faculty|Instructor|SysAdmin)$/,
  /^(Instructor|ContentDeveloper|Administrator)$/,
];
const LEARNING_ROLES = [
  /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership#Learner$/,
  /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership\/Learner#/,
  /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/institution\/person#(Student|Learner)$/,
  /^Learner$/,
];

/** What the launching user is here: any teaching role makes a teacher, else a learner role a student. */
export function classroomRole(roles: readonly string[]): 'teacher' | 'student' | undefined {
  if (roles.some((role) => TEACHING_ROLES.some((pattern) => pattern.test(role)))) return 'teacher';
  if (roles.some((role) => LEARNING_ROLES.some((pattern) => pattern.test(role)))) return 'student';
  return undefined;
}
