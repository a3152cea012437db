/**
 * An empty plain object for keys that are new in every attempt (opaque ids): a checked matching,
 * categorise or cloze response, or the response that scores full marks.
 *
 * V8 gives each object a hidden class for its set of keys, so keys that differ per attempt build a new
 * class per object (about 1.5 µs for three keys). Deleting a property that is not the last one puts the
 * object into dictionary mode before any key is added, which is about eight times cheaper here. It stays
 * an ordinary object (`Object.prototype`, keys in insertion order), so JSON, spreading and
 * `structuredClone` see no difference.
 */
export function recordForOpaqueIds<Value>(): Record<string, Value> {
  const record: Record<string, Value | number> = { dictionaryMode: 0, last: 0 };
  Reflect.deleteProperty(record, 'dictionaryMode');
  Reflect.deleteProperty(record, 'last');
  return record as Record<string, Value>;
}
