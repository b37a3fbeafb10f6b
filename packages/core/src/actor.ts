import { AsyncLocalStorage } from "node:async_hooks";

/** Who is calling. Read by audit only; evaluation targets (tenant, user) are plain arguments, never context. */
export interface Actor {
  appId?: string;
  apiKeyId?: string;
  userId?: string;
  ip?: string;
  requestId?: string;
  /** A free-form label for non-HTTP callers, e.g. "rotation-manager" or "cli". */
  system?: string;
}

const storage = new AsyncLocalStorage<Actor>();

/** Run `fn` with `actor` as the current actor (nested calls see the innermost). */
export function runAs<T>(actor: Actor, fn: () => T): T {
  return storage.run(Object.freeze({ ...actor }), fn);
}

/** The actor of the surrounding {@link runAs}, or undefined outside one. */
export function currentActor(): Actor | undefined {
  return storage.getStore();
}
