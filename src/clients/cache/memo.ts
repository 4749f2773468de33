/**
 * One promise per key, shared by concurrent and later callers. A result `keep` rejects (a
 * failure: timeout, rate limit, an aborted caller) is forgotten once settled, so one target's
 * bad luck is not served to every later target; past `max` entries the oldest go first.
 */
export function memo<K, V>(
  map: Map<K, Promise<V>>,
  key: K,
  make: () => Promise<V>,
  keep: (value: V) => boolean,
  max: number,
): Promise<V> {
  const known = map.get(key);
  if (known) return known;
  const made = make();
  map.set(key, made);
  if (map.size > max) map.delete(map.keys().next().value as K);
  const forget = () => {
    if (map.get(key) === made) map.delete(key);
  };
  made.then((value) => {
    if (!keep(value)) forget();
  }, forget);
  return made;
}
