import type { Clock } from "./clock";

/** Timestamps every stored object carries, set by the owning service from its Clock (UTC). */
export interface Entity {
  createdAt: Date;
  updatedAt: Date;
}

/** Timestamps for a new object. */
export function created(clock: Clock): Entity {
  const now = clock.now();
  return { createdAt: now, updatedAt: now };
}
