import { type ConfigSnapshot, canonicalJson, type FlagSnapshot } from "@vault/engine";

/**
 * The same JSON value. The server writes every snapshot's keys in one order, so the same text settles nearly every
 * comparison; a bootstrap or backup file may order keys differently, so different text is compared canonically.
 */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}

/** Keys whose definition differs between two snapshots (added, removed or changed), sorted. */
function changedKeys<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): string[] {
  const group = (items: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const key = keyOf(item);
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
    return map;
  };
  const a = group(before);
  const b = group(after);
  const keys = new Set<string>();
  for (const [key, items] of a) {
    const next = b.get(key);
    if (next === undefined || next.length !== items.length || items.some((item, i) => !sameJson(item, next[i]))) {
      keys.add(key);
    }
  }
  for (const key of b.keys()) if (!a.has(key)) keys.add(key);
  return [...keys].sort();
}

/**
 * The flags a new snapshot changes. A change to a segment changes every flag (segments are shared by rules), so
 * then all keys are reported.
 */
export function changedFlagKeys(before: FlagSnapshot | undefined, after: FlagSnapshot): string[] {
  const previous = before?.flags ?? [];
  const segmentsMoved = !sameJson(
    (before as { segments?: unknown } | undefined)?.segments ?? null,
    (after as { segments?: unknown }).segments ?? null,
  );
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
