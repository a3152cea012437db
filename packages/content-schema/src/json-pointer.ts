/** A JSON pointer (RFC 6901) for a path of keys and array indexes: `['terms', 2, 'id']` -> `/terms/2/id`. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The path a JSON pointer names, as strings: `/terms/2/id` -> `['terms', '2', 'id']`; `''` is the root. */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new TypeError(`a JSON pointer starts with '/' or is empty; got '${pointer}'`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}
