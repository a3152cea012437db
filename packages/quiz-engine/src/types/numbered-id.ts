/** Authors may omit ids; `<prefix>-1`, `<prefix>-2`… follow the authored order. */
export function idOrNumbered(id: string | undefined, prefix: string, index: number): string {
  return id ?? `${prefix}-${index + 1}`;
}
