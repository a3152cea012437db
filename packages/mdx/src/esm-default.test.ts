import { expect, it } from 'vitest';
import { esmDefault } from './esm-default.js';

it('passes a default export through, and takes it out of a namespace handed over by CommonJS interop', () => {
  const plugin = () => undefined;
  expect(esmDefault(plugin)).toBe(plugin);
  expect(esmDefault({ __esModule: true, default: plugin })).toBe(plugin);
  const options = { format: 'mdx' };
  expect(esmDefault(options)).toBe(options);
});
