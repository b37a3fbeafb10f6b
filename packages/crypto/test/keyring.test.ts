import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { isId } from "@vault/core";
import { describe, expect, it } from "vitest";
import { Keyring } from "../src/index";

const keyA = Buffer.alloc(32, 0xa1).toString("base64");
const keyB = Buffer.alloc(32, 0xb2).toString("base64");

describe("Keyring", () => {
  it("generates one active kek_ key", () => {
    const ring = Keyring.generate();
    expect(isId("kek", ring.activeKeyId())).toBe(true);
    expect(ring.keyIds()).toEqual([ring.activeKeyId()]);
  });

  it("parses the JSON format", () => {
    const ring = Keyring.parse(JSON.stringify({ active: "k2", keys: { k1: keyA, k2: keyB } }));
    expect(ring.activeKeyId()).toBe("k2");
    expect(ring.keyIds()).toEqual(["k1", "k2"]);
  });

  it("parses the compact format, with and without ;active=", () => {
    const ring = Keyring.parse(`k1:${keyA},k2:${keyB};active=k1`);
    expect(ring.activeKeyId()).toBe("k1");
    expect(ring.keyIds()).toEqual(["k1", "k2"]);
    expect(Keyring.parse(`only:${keyA}`).activeKeyId()).toBe("only");
    // base64url works too.
    expect(Keyring.parse(`u:${Buffer.alloc(32, 0xff).toString("base64url")}`).hasKey("u")).toBe(true);
  });

  it("round-trips through serialize()", () => {
    const ring = Keyring.generate();
    ring.add({ id: "second" });
    const again = Keyring.parse(ring.serialize());
    expect(again.keyIds()).toEqual(ring.keyIds());
    expect(again.activeKeyId()).toBe(ring.activeKeyId());
    const dek = Buffer.alloc(32, 3);
    const wrapped = ring.wrapKey(dek, "second");
    expect(again.unwrapKey("second", wrapped.wrapped)).toEqual(dek);
  });

  it.each([
    ["", /VAULT_KEYRING: it is empty/],
    ["{not json", /not valid JSON/],
    [`k1:${keyA},k2:${keyB}`, /name the active one/],
    [`k1:${keyA};active=k9`, /active KEK "k9" is not among the keys/],
    [`k1:${Buffer.alloc(16).toString("base64")}`, /keys\.k1: must decode to 32 bytes, got 16/],
    [`k1:not base64!`, /keys\.k1: must be base64/],
    [`bad id:${keyA}`, /KEK id/],
    [`k1=${keyA}`, /entry 1 is not "<id>:<base64 key>"/],
    [`k1:${keyA};primary=k1`, /segment 2 after ";" is not "active=<id>"/],
    [`k1:${keyA},k1:${keyB};active=k1`, /KEK "k1" appears twice/],
    // Keys separated with ";" instead of ",": the second key must not be echoed as an "option".
    [`k1:${keyA};k2:${keyB}`, /segment 2 after ";" is not "active=<id>"/],
    [JSON.stringify({ active: "k1", keys: {} }), /needs at least one key/],
    [JSON.stringify({ active: "k1", keys: { k1: keyA }, extra: 1 }), /extra/],
  ])("rejects %j with a clear VALIDATION error", (text, message) => {
    let error: unknown;
    try {
      Keyring.parse(text, "VAULT_KEYRING");
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as Error).message).toMatch(message);
    // Never echoes key material, not even with its base64 padding stripped.
    for (const key of [keyA, keyB]) expect((error as Error).message).not.toContain(key.replace(/=+$/, "").slice(0, 16));
  });

  it("reads VAULT_KEYRING from the environment", () => {
    expect(Keyring.fromEnv({})).toBeUndefined();
    expect(Keyring.fromEnv({ VAULT_KEYRING: `k1:${keyA}` })?.activeKeyId()).toBe("k1");
    expect(() => Keyring.fromEnv({ VAULT_KEYRING: "k1:short" })).toThrow(/invalid VAULT_KEYRING/);
  });

  it("creates a keyring file with mode 0600, refuses to overwrite it, and loads it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vault-keyring-"));
    const path = join(dir, "nested", "keyring.json");
    const created = await Keyring.createFile(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await expect(Keyring.createFile(path)).rejects.toMatchObject({ code: "ALREADY_EXISTS" });
    const loaded = await Keyring.fromFile(path);
    expect(loaded.activeKeyId()).toBe(created.activeKeyId());
    const again = await Keyring.loadOrCreateFile(path);
    expect(again.created).toBe(false);
    const fresh = await Keyring.loadOrCreateFile(join(dir, "other.json"));
    expect(fresh.created).toBe(true);
    await expect(Keyring.fromFile(join(dir, "missing.json"))).rejects.toMatchObject({ code: "KEY_UNAVAILABLE" });
    await writeFile(join(dir, "compact"), `k1:${keyA}\n`);
    expect((await Keyring.fromFile(join(dir, "compact"))).activeKeyId()).toBe("k1");
    expect(await readFile(path, "utf8")).toContain(created.activeKeyId());
  });

  it("manages keys: add, activate, remove (never the active one)", () => {
    const ring = Keyring.generate();
    const first = ring.activeKeyId();
    const second = ring.add();
    expect(ring.activeKeyId()).toBe(first);
    expect(() => ring.add({ id: second })).toThrow(/already in the keyring/);
    expect(() => ring.add({ id: "short", key: Buffer.alloc(8) })).toThrow(/32 bytes/);
    expect(() => ring.add({ id: "has space" })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    ring.activate(second);
    expect(() => ring.remove(second)).toThrow(/is active/);
    ring.remove(first);
    expect(ring.keyIds()).toEqual([second]);
    expect(() => ring.activate(first)).toThrow(/not in the keyring/);
  });

  it("never shows key material in JSON or console output", () => {
    const ring = Keyring.parse(`k1:${keyA}`);
    expect(JSON.stringify(ring)).toBe('{"activeKeyId":"k1","keyIds":["k1"]}');
    expect(inspect(ring, { showHidden: true, depth: 10 })).not.toContain(keyA);
    expect(inspect(ring)).not.toContain(Buffer.alloc(32, 0xa1).toString("hex").slice(0, 8));
    expect(Object.keys(ring)).toEqual([]);
  });
});
