// What the LTI 1.3 tool keeps: its own signing keys, the platforms (LMSs) registered with it and their
// deployments, single-use login states and nonces, and how LMS courses, users and resource links map onto
// classes, students and quizzes. Both engines implement `LtiRepository` (lti-sqlite.ts, lti-postgres.ts);
// lti-conformance.ts runs the same cases on both.

/** One of the tool's RSA signing keys, as JWKs (JSON text). The newest unretired key signs. */
export interface LtiKeyRecord {
  kid: string;
  /** The private JWK (JSON); never leaves the server. */
  privateJwk: string;
  /** The public JWK (JSON) the JWKS endpoint publishes. */
  publicJwk: string;
  createdAt: number;
  /** When a newer key took over; the JWKS keeps publishing the previous key so tokens in flight verify. */
  retiredAt: number | null;
}

/** A platform (an LMS, identified by its issuer and our client id there) registered with the tool. */
export interface LtiPlatformRecord {
  id: string;
  issuer: string;
  clientId: string;
  /** The platform's OIDC authorisation endpoint (where the login initiation redirects). */
  authorizationEndpoint: string;
  /** The OAuth 2 token endpoint for AGS and NRPS access tokens. */
  tokenEndpoint: string;
  /** The audience of our client assertion: the platform's `authorization_server`, else the token endpoint. */
  tokenAudience: string;
  jwksUri: string;
  /** A name for log lines and pages (`Moodle`, `Canvas`, the platform's own product name). */
  name: string;
  createdAt: number;
}

/** A login initiation waiting for its launch: consumed once by `takeLoginState`. */
export interface LtiLoginStateRecord {
  state: string;
  nonce: string;
  platformId: string;
  /** The frame of the platform's storage (`lti_storage_target`) when the platform offered one. */
  storageTarget: string | null;
  createdAt: number;
  expiresAt: number;
}

/** An LMS course (context) and the class that stands for it. */
export interface LtiContextRecord {
  platformId: string;
  contextId: string;
  classId: string;
  title: string;
}

/** An LMS user who launched as a learner, and the student that stands for them. */
export interface LtiUserRecord {
  platformId: string;
  /** The platform's stable user id (`sub`). */
  sub: string;
  studentId: string;
  classId: string;
}

/** A resource link (a placement in an LMS course) and where its scores go. */
export interface LtiResourceLinkRecord {
  platformId: string;
  deploymentId: string;
  contextId: string;
  resourceLinkId: string;
  classId: string;
  /** The quiz this link opens; null for a lesson. */
  quizId: string | null;
  /** The AGS line item of the link (scores are posted to `<lineItemUrl>/scores`), when known. */
  lineItemUrl: string | null;
  /** The AGS line-items container of the context, when the platform offers AGS. */
  lineItemsUrl: string | null;
  /** The AGS scopes the platform granted in the launch, space-separated. */
  agsScopes: string;
  updatedAt: number;
}

/** Where a student's score on a quiz goes: a line item on a platform, for that platform's user id. */
export interface LtiScoreTarget {
  platform: LtiPlatformRecord;
  userId: string;
  link: LtiResourceLinkRecord;
}

export interface LtiRepository {
  /** Every key, newest first. */
  listKeys(): Promise<LtiKeyRecord[]>;
  /** Stores the first key unless another instance stored one first; returns the keys in force. */
  addFirstKey(key: LtiKeyRecord): Promise<LtiKeyRecord[]>;
  /** Retires every unretired key at `at` and stores `key` as the signing key, atomically. */
  rotateKey(key: LtiKeyRecord, at: number): Promise<void>;

  /**
   * Stores a platform, or updates the one with the same issuer and client id (keeping its id). Returns the
   * stored record.
   */
  savePlatform(record: LtiPlatformRecord): Promise<LtiPlatformRecord>;
  getPlatform(id: string): Promise<LtiPlatformRecord | undefined>;
  /** The platforms with this issuer (one per client id), oldest first. */
  findPlatforms(issuer: string): Promise<LtiPlatformRecord[]>;
  /** Records a deployment of the tool on a platform; adding it again changes nothing. */
  addDeployment(platformId: string, deploymentId: string, at: number): Promise<void>;
  hasDeployment(platformId: string, deploymentId: string): Promise<boolean>;

  saveLoginState(record: LtiLoginStateRecord): Promise<void>;
  /** The login state without consuming it (to decide how the browser proves it), undefined when unknown or expired. */
  getLoginState(state: string, now: number): Promise<LtiLoginStateRecord | undefined>;
  /** Removes and returns the login state (at most one caller ever gets it); undefined when unknown or expired. */
  takeLoginState(state: string, now: number): Promise<LtiLoginStateRecord | undefined>;
  /** Records a nonce as used until `expiresAt`; false when it was used before (a replay). */
  claimNonce(platformId: string, nonce: string, expiresAt: number, now: number): Promise<boolean>;

  /** The class of an LMS course, storing `record` when the course has none yet (first writer wins). */
  linkContext(record: LtiContextRecord): Promise<LtiContextRecord>;
  findContext(platformId: string, contextId: string): Promise<LtiContextRecord | undefined>;
  findUser(platformId: string, sub: string, classId: string): Promise<LtiUserRecord | undefined>;
  /** Stores the user's student unless one was stored first (first writer wins); returns the one in force. */
  linkUser(record: LtiUserRecord): Promise<LtiUserRecord>;
  /** Stores or updates (by platform, deployment, context and resource link id) a resource link. */
  saveResourceLink(record: LtiResourceLinkRecord): Promise<void>;
  /** Where a student's score on a quiz goes: every link of the student's class opening that quiz with a line item. */
  scoreTargets(studentId: string, quizId: string): Promise<LtiScoreTarget[]>;
}
