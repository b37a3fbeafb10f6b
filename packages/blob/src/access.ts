import type { AccessMode, BlobCaller } from "./types";

/** What an operation does to an entry, as the access policy sees it. */
export type BlobOperation = "read" | "create" | "replace" | "delete" | "list";

/** The parts of a policy access decisions read. */
export interface AccessRules {
  access: AccessMode;
  allowedApps: readonly string[];
  grantedKeys: readonly string[];
  requireIdentity: boolean;
}

/** A caller with its app settled (the target app when it did not say). */
export interface ResolvedCaller extends BlobCaller {
  appId: string;
}

/**
 * Allowed, or refused: `hidden` (the caller must not learn that anything is there: NOT_FOUND) or `denied` (FORBIDDEN,
 * with the reason).
 */
export type AccessDecision = { allowed: true } | { allowed: false; as: "hidden" | "denied"; reason: string };

const ALLOW: AccessDecision = { allowed: true };

/** The identity a caller acts as: the one it presents, else its API key, else its app. */
export function identityOf(caller: ResolvedCaller): string {
  if (caller.identity !== undefined) return caller.identity;
  if (caller.apiKeyId !== undefined) return `key:${caller.apiKeyId}`;
  return `app:${caller.appId}`;
}

/**
 * Decide whether `caller` may do `operation` on an entry of app `targetApp` under `rules` (`owner` when the entry
 * exists). Pure: no I/O, so every rule is tested without a database.
 *
 * - Another app's caller may only read, and only when its app is in `allowedApps`; otherwise it is `hidden`, so
 *   another app cannot tell a refused entry from a missing one.
 * - `requireIdentity`: every operation needs a presented identity.
 * - Reads follow the access mode; creating is open to the app's writers (admins for `admin-only`); replacing and
 *   deleting an `owner-only` entry need its owner (deleting: or an admin); listing `admin-only` needs an admin.
 */
export function decideAccess(
  rules: AccessRules,
  operation: BlobOperation,
  caller: ResolvedCaller,
  targetApp: string,
  owner?: string,
): AccessDecision {
  const visible = decideVisibility(rules, operation, caller, targetApp);
  if (!visible.allowed) return visible;
  const admin = caller.admin === true && caller.appId === targetApp;
  const isOwner = owner !== undefined && identityOf(caller) === owner;
  switch (operation) {
    case "read":
      return readDecision(rules, caller, admin, isOwner);
    case "create":
      return rules.access === "admin-only" && !admin ? deny("admin_only") : ALLOW;
    case "replace":
      if (rules.access === "admin-only" && !admin) return deny("admin_only");
      return rules.access === "owner-only" && !isOwner ? deny("not_owner") : ALLOW;
    case "delete":
      if (rules.access === "admin-only" && !admin) return deny("admin_only");
      return rules.access === "owner-only" && !isOwner && !admin ? deny("not_owner") : ALLOW;
    case "list":
      return rules.access === "admin-only" && !admin ? deny("admin_only") : ALLOW;
  }
}

/**
 * The checks that do not depend on the entry — another app's visibility and `requireIdentity` — made before an entry is
 * looked up, so a refused caller learns nothing about it (not even that it was purged).
 */
export function decideVisibility(
  rules: AccessRules,
  operation: BlobOperation,
  caller: ResolvedCaller,
  targetApp: string,
): AccessDecision {
  if (caller.appId !== targetApp) {
    if (operation !== "read" || !rules.allowedApps.includes(caller.appId)) {
      return { allowed: false, as: "hidden", reason: "other_app" };
    }
  }
  if (rules.requireIdentity && caller.identity === undefined) {
    return { allowed: false, as: "denied", reason: "identity_required" };
  }
  return ALLOW;
}

function readDecision(rules: AccessRules, caller: ResolvedCaller, admin: boolean, isOwner: boolean): AccessDecision {
  switch (rules.access) {
    case "owner-only":
      return isOwner ? ALLOW : deny("not_owner");
    case "same-purpose":
      return caller.apiKeyId !== undefined && rules.grantedKeys.includes(caller.apiKeyId)
        ? ALLOW
        : deny("purpose_not_granted");
    case "open-retrieve":
      return ALLOW;
    case "admin-only":
      return admin ? ALLOW : deny("admin_only");
  }
}

function deny(reason: string): AccessDecision {
  return { allowed: false, as: "denied", reason };
}
