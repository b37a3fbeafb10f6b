import { type ConfigSnapshot, canonicalJson, type FlagSnapshot } from "@vault/engine";

/** Keys whose definition differs between two snapshots (added, removed or changed), sorted. */
function changedKeys<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): string[] {
  const index = (items: readonly T[]) => {
    const map = new Map<string, string>();
    for (const item of items) map.set(keyOf(item), `${map.get(keyOf(item)) ?? ""}${canonicalJson(item)}`);
    return map;
  };
  const a = index(before);
  const b = index(after);
  const keys = new Set<string>();
  for (const [key, value] of a) if (b.get(key) !== value) keys.add(key);
  for (const key of b.keys()) if (!a.has(key)) keys.add(key);
  return [...keys].sort();
}

/**
 * The flags a new snapshot changes. A change to a segment changes every flag (segments are shared by rules), so
 * then all keys are reported.
 */
export function changedFlagKeys(before: FlagSnapshot | undefined, after: FlagSnapshot): string[] {
  const previous = before?.flags ?? [];
  const segmentsMoved =
    canonicalJson((before as { segments?: unknown } | undefined)?.segments ?? null) !==
    canonicalJson((after as { segments?: unknown }).segments ?? null);
  if (segmentsMoved) return [...new Set([...previous, ...after.flags].map((flag) => flag.key))].sort();
  return changedKeys(previous, after.flags, (flag) => flag.key);
}

/** The config keys a new snapshot changes, entries and tenant overrides alike. */
export function changedConfigKeys(before: ConfigSnapshot | undefined, after: ConfigSnapshot): string[] {
  const byKey = (snapshot: ConfigSnapshot | undefined) => [
    ...(snapshot?.entries ?? []),
    ...(snapshot?.overrides ?? []),
  ];
  return changedKeys(byKey(before), byKey(after), (item) => item.key);
}
