import { describe, expect, it } from 'vitest';
import { contentMeta } from './content-meta.js';
import { licenseSchema, spdxLicenses } from './license.js';

describe('licenseSchema', () => {
  it('accepts SPDX ids', () => {
    expect(licenseSchema.safeParse('CC-BY-4.0').success).toBe(true);
    expect(licenseSchema.safeParse('MIT').success).toBe(true);
    expect(spdxLicenses.length).toBeGreaterThan(500);
  });
  it('rejects a free-text license and says where the ids are', () => {
    const result = licenseSchema.safeParse('CC BY 4.0');
    expect(result.error?.issues[0]?.message).toContain('is not an SPDX license id');
    expect(result.error?.issues[0]?.message).toContain('https://spdx.org/licenses/');
  });
  it('suggests the id an author meant', () => {
    const suggest = contentMeta.get(licenseSchema)?.expected;
    expect(suggest?.('CC BY 4.0')).toEqual(['CC-BY-4.0']);
    expect(suggest?.('cc-by-sa-4.0')).toEqual(['CC-BY-SA-4.0']);
  });
});
