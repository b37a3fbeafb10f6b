import { describe, expect, it } from "vitest";
import { type AccessMode, decideAccess, decideVisibility, identityOf } from "../src/index";

const rules = (
  access: AccessMode,
  extra: Partial<{ allowedApps: string[]; grantedKeys: string[]; requireIdentity: boolean }> = {},
) => ({
  access,
  allowedApps: [],
  grantedKeys: [],
  requireIdentity: false,
  ...extra,
});

describe("access decisions (pure)", () => {
  const alice = { appId: "shop", apiKeyId: "apikey_a", identity: "alice" };
  const bob = { appId: "shop", apiKeyId: "apikey_b", identity: "bob" };
  const admin = { appId: "shop", apiKeyId: "apikey_admin", admin: true };

  it("the acting identity is the presented one, else the key, else the app", () => {
    expect(identityOf(alice)).toBe("alice");
    expect(identityOf({ appId: "shop", apiKeyId: "apikey_x" })).toBe("key:apikey_x");
    expect(identityOf({ appId: "shop" })).toBe("app:shop");
  });

  it("owner-only: only the owner reads and replaces; an admin may delete but not read", () => {
    const r = rules("owner-only");
    expect(decideAccess(r, "read", alice, "shop", "alice")).toEqual({ allowed: true });
    expect(decideAccess(r, "read", bob, "shop", "alice")).toMatchObject({
      allowed: false,
      as: "denied",
      reason: "not_owner",
    });
    expect(decideAccess(r, "read", admin, "shop", "alice")).toMatchObject({ allowed: false, reason: "not_owner" });
    expect(decideAccess(r, "replace", bob, "shop", "alice")).toMatchObject({ allowed: false });
    expect(decideAccess(r, "delete", bob, "shop", "alice")).toMatchObject({ allowed: false });
    expect(decideAccess(r, "delete", admin, "shop", "alice")).toEqual({ allowed: true });
    expect(decideAccess(r, "create", bob, "shop")).toEqual({ allowed: true });
  });

  it("same-purpose: keys granted the purpose read, others are denied", () => {
    const r = rules("same-purpose", { grantedKeys: ["apikey_b"] });
    expect(decideAccess(r, "read", bob, "shop", "alice")).toEqual({ allowed: true });
    expect(decideAccess(r, "read", alice, "shop", "alice")).toMatchObject({
      allowed: false,
      reason: "purpose_not_granted",
    });
    expect(decideAccess(r, "read", { appId: "shop" }, "shop", "app:shop")).toMatchObject({ allowed: false });
  });

  it("open-retrieve: any caller of the app reads; admin-only: only admins, for writes too", () => {
    expect(decideAccess(rules("open-retrieve"), "read", bob, "shop", "alice")).toEqual({ allowed: true });
    const r = rules("admin-only");
    expect(decideAccess(r, "read", admin, "shop", "alice")).toEqual({ allowed: true });
    for (const op of ["read", "create", "replace", "delete", "list"] as const) {
      expect(decideAccess(r, op, alice, "shop", "alice")).toMatchObject({ allowed: false, reason: "admin_only" });
    }
  });

  it("another app is hidden unless listed in allowedApps, and then may only read (as the mode allows)", () => {
    const partner = { appId: "partner", apiKeyId: "apikey_p", identity: "svc" };
    expect(decideAccess(rules("open-retrieve"), "read", partner, "shop", "alice")).toMatchObject({ as: "hidden" });
    const open = rules("open-retrieve", { allowedApps: ["partner"] });
    expect(decideAccess(open, "read", partner, "shop", "alice")).toEqual({ allowed: true });
    for (const op of ["create", "replace", "delete", "list"] as const) {
      expect(decideAccess(open, op, partner, "shop", "alice")).toMatchObject({ allowed: false, as: "hidden" });
    }
    // An admin of another app is no admin here.
    const adminOnly = rules("admin-only", { allowedApps: ["partner"] });
    expect(decideAccess(adminOnly, "read", { ...partner, admin: true }, "shop", "x")).toMatchObject({ allowed: false });
  });

  it("requireIdentity: every operation needs a presented identity; visibility is decided before it", () => {
    const r = rules("open-retrieve", { requireIdentity: true });
    const keyOnly = { appId: "shop", apiKeyId: "apikey_k" };
    expect(decideVisibility(r, "read", keyOnly, "shop")).toMatchObject({ reason: "identity_required" });
    expect(decideAccess(r, "create", keyOnly, "shop")).toMatchObject({ as: "denied", reason: "identity_required" });
    expect(decideAccess(r, "read", bob, "shop", "alice")).toEqual({ allowed: true });
    expect(decideVisibility(r, "read", { appId: "other" }, "shop")).toMatchObject({ as: "hidden" });
  });
});
