/**
 * The default export of an ES-only package, in both builds. The CommonJS build `require()`s such a package
 * (Node.js 20.19+), which gives its namespace, and the bundler's interop hands that namespace over as the
 * default; this takes the default out of it. In the ES build the value passes through unchanged.
 */
export function esmDefault<T>(imported: T): T {
  if (typeof imported !== 'object' || imported === null || !('default' in imported)) return imported;
  return (imported as { default: T }).default;
}
