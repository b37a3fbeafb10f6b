import { describe, expect, it, vi } from "vitest";
import { ERROR_CODES, isVaultError, notFound, VAULT_ERROR_CODES, VaultError } from "../src/index";

describe("VaultError", () => {
  it("carries code, message, details and cause", () => {
    const cause = new Error("socket closed");
    const error = new VaultError("UNAVAILABLE", "database unreachable", { details: { retryAfterMs: 100 }, cause });
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toBe("database unreachable");
    expect(error.details).toEqual({ retryAfterMs: 100 });
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: "UNAVAILABLE",
      message: "database unreachable",
      details: { retryAfterMs: 100 },
    });
  });

  it("has the closed code union of DESIGN §3", () => {
    expect(VAULT_ERROR_CODES).toHaveLength(17);
    expect(Object.keys(ERROR_CODES)).toContain("RETENTION_VIOLATION");
  });

  it("is recognised across two loaded copies of the module, where instanceof fails", async () => {
    vi.resetModules();
    const copy = await import("../src/errors");
    expect(copy.VaultError).not.toBe(VaultError);
    const fromCopy = new copy.VaultError("NOT_FOUND", "secret missing");
    expect(fromCopy instanceof VaultError).toBe(false);
    expect(isVaultError(fromCopy)).toBe(true);
    expect(isVaultError(fromCopy, "NOT_FOUND")).toBe(true);
    expect(isVaultError(fromCopy, "CONFLICT")).toBe(false);
    expect(copy.isVaultError(notFound("secret", "db/password"))).toBe(true);
  });

  it("rejects look-alikes: plain errors, objects with a code, unknown codes", () => {
    expect(isVaultError(new Error("x"))).toBe(false);
    expect(isVaultError({ code: "NOT_FOUND", message: "x" })).toBe(false);
    expect(isVaultError(null)).toBe(false);
    const forged = Object.assign(new VaultError("INTERNAL", "x"), { code: "NOPE" });
    expect(isVaultError(forged)).toBe(false);
  });
});
