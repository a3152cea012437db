import { z } from 'zod';

/** An id that appears in URLs and cross-references: lowercase words joined by hyphens. */
export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'use lowercase letters, digits and single hyphens, e.g. "hanoi-summit"',
  );
