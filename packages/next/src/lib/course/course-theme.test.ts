import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { courseTheme } from './course-theme.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'course-theme-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('has no theme for a course folder without theme.css', async () => {
  await expect(courseTheme(dir)).resolves.toBeUndefined();
});

it("reads the course's theme.css as written, and cannot be made to end the style element", async () => {
  writeFileSync(join(dir, 'theme.css'), ':root { --accent: #7a2e0e; }\n/* </style><script>x</script> */\n');
  const css = await courseTheme(dir);
  expect(css).toContain(':root { --accent: #7a2e0e; }');
  expect(css).not.toMatch(/<\/style/i);
});
