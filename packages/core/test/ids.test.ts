import fc from "fast-check";
import { TypeID } from "typeid-js";
import { describe, expect, it } from "vitest";
import { ID_PREFIXES, type IdKind, idSchema, idTimestamp, isId, isVaultError, newId, parseId } from "../src/index";

const kinds = Object.keys(ID_PREFIXES) as IdKind[];

describe("ids", () => {
  it("registers every prefix from DESIGN §3 (and seg for flag segments, tokpwk, blobown, blobswp, and evt for outbox events), each unique", () => {
    expect(Object.values(ID_PREFIXES).sort()).toEqual(
      [
        "sec",
        "secver",
        "flag",
        "rule",
        "flagovr",
        "cfg",
        "cfgver",
        "ovr",
        "rotpol",
        "rot",
        "audit",
        "tok",
        "tokpwk",
        "blob",
        "blobown",
        "blobswp",
        "whk",
        "whd",
        "evt",
        "seg",
        "app",
        "apikey",
        "kek",
      ].sort(),
    );
  });

  it.each(kinds)("round-trips a %s id through parseId and its zod schema", (kind) => {
    const id = newId(kind);
    expect(id.startsWith(`${ID_PREFIXES[kind]}_`)).toBe(true);
    expect(parseId(kind, id)).toBe(id);
    expect(idSchema(kind).parse(id)).toBe(id);
    expect(isId(kind, id)).toBe(true);
  });

  it("mints UUIDv7 TypeIDs that typeid-js reads back to the same text, with the time they were made", () => {
    const before = Date.now();
    const ids = Array.from({ length: 500 }, () => newId("audit"));
    const after = Date.now();
    for (const id of ids) {
      const parsed = TypeID.fromString(id, "audit");
      const uuid = parsed.toUUID();
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(TypeID.fromUUID("audit", uuid).toString()).toBe(id);
      const at = idTimestamp(id).getTime();
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after + 1); // +1: a counter overflow may borrow the next millisecond
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts ids of one process in the order they were made, even many in one millisecond", () => {
    const ids = Array.from({ length: 20_000 }, () => newId("secret"));
    for (let i = 1; i < ids.length; i++) expect(ids[i - 1]! < ids[i]!).toBe(true);
  });

  it("rejects another kind's prefix with a message naming both prefixes", () => {
    const flagId = newId("flag");
    let caught: unknown;
    try {
      parseId("secret", flagId);
    } catch (error) {
      caught = error;
    }
    expect(isVaultError(caught, "VALIDATION")).toBe(true);
    expect((caught as Error).message).toContain('expected prefix "sec_", got "flag_"');
  });

  it("does not confuse prefixes that share a beginning (sec vs secver)", () => {
    expect(() => parseId("secret", newId("secretVersion"))).toThrow(/expected prefix "sec_", got "secver_"/);
    expect(() => parseId("secretVersion", newId("secret"))).toThrow(/expected prefix "secver_", got "sec_"/);
  });

  it("rejects malformed ids, and the zod schema reports the same message", () => {
    expect(() => parseId("secret", "sec_notavalidsuffix")).toThrow(/malformed suffix/);
    expect(() => parseId("secret", "")).toThrow(/expected prefix "sec_"/);
    const result = idSchema("secret").safeParse(newId("app"));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('expected prefix "sec_", got "app_"');
  });

  it("never throws anything but a VALIDATION VaultError on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        try {
          parseId("secret", value);
        } catch (error) {
          return isVaultError(error, "VALIDATION");
        }
        return true;
      }),
    );
  });

  it("sorts by creation time (UUIDv7) and exposes the timestamp", () => {
    const before = Date.now();
    const ids = Array.from({ length: 50 }, () => newId("audit"));
    expect([...ids].sort()).toEqual(ids);
    expect(idTimestamp(ids[0]!).getTime()).toBeGreaterThanOrEqual(before - 1);
  });
});
