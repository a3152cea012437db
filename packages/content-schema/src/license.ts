import spdxLicenseIds from 'spdx-license-ids/index.json';
import { z } from 'zod';
import { contentMeta } from './content-meta.js';
import { closestMatch } from './suggest.js';

/** Current SPDX license identifiers (deprecated ones are left out). */
export const spdxLicenses: readonly string[] = spdxLicenseIds;

/** The license of the course content as an SPDX id, such as `CC-BY-4.0`. */
export const licenseSchema = z
  .enum(spdxLicenseIds as [string, ...string[]], {
    error: (issue) =>
      issue.code === 'invalid_value'
        ? `license ${JSON.stringify(issue.input)} is not an SPDX license id; use one from https://spdx.org/licenses/, e.g. CC-BY-4.0 or CC-BY-SA-4.0`
        : undefined,
  })
  .register(contentMeta, {
    ruleId: 'course/unknown-license',
    expected: (input) => {
      if (typeof input !== 'string') return undefined;
      // "CC BY 4.0" and "cc-by-4.0" are common ways of writing CC-BY-4.0.
      const normalised = input.trim().replace(/\s+/g, '-');
      const exact = spdxLicenseIds.find((id) => id.toLowerCase() === normalised.toLowerCase());
      const match = exact ?? closestMatch(normalised, spdxLicenseIds);
      return match ? [match] : undefined;
    },
  });
