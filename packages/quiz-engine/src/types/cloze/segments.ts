export type ClozeSegment = { type: 'text'; value: string } | { type: 'blank'; id: string };

/** A public cloze passage split at its `{{blank-id}}` placeholders, in order. */
export function splitClozeText(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    if (match.index > last) segments.push({ type: 'text', value: text.slice(last, match.index) });
    segments.push({ type: 'blank', id: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ type: 'text', value: text.slice(last) });
  return segments;
}
