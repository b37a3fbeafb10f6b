import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/cli";
import { startTestServer, type TestServer } from "./helpers";

describe(`vault blobs … and vault compliance report against a server (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), "vault-cli-blobs-"));
  beforeAll(async () => {
    t = await startTestServer({ realAudit: true });
    await t.server.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(t.server.server.address() as { port: number }).port}`;
    env = {
      VAULT_URL: url,
      VAULT_API_KEY: await t.appKey("cli-blobs", ["blobs:read", "blobs:write", "blobs:admin", "audit:read"]),
    };
  });
  afterAll(async () => t?.close());

  /** Run the CLI; what it wrote to stdout, as bytes. */
  async function raw(args: string[], stdin: Array<string | Uint8Array> = [], extra: Record<string, string> = {}) {
    const writes: Buffer[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      writes.push(Buffer.from(chunk as Uint8Array));
      return true;
    });
    try {
      await runCli(args, { ...env, ...extra }, stdin);
    } finally {
      spy.mockRestore();
    }
    return Buffer.concat(writes);
  }
  // biome-ignore lint/suspicious/noExplicitAny: the CLI prints JSON answers of many shapes
  const vault = async (args: string[], stdin: Array<string | Uint8Array> = [], extra = {}): Promise<any> =>
    JSON.parse((await raw(args, stdin, extra)).toString("utf8"));

  it("sets a policy, puts bytes from stdin and a file, gets them back byte for byte, heads and lists", async () => {
    const policy = await vault([
      "blobs",
      "set-policy",
      "docs",
      "--max-retention-days",
      "30",
      "--default-ttl-days",
      "7",
      "--access",
      "open-retrieve",
      "--max-retrievals",
      "10",
    ]);
    expect(policy.policy).toMatchObject({ purpose: "docs", access: "open-retrieve", maxRetrievals: 10 });
    const binary = Buffer.from([0, 255, 10, 13, 0]);
    const put = await vault(["blobs", "put", "docs", "bin-1", "-", "--metadata", '{"kind":"scan"}'], [binary]);
    expect(put.meta).toMatchObject({ id: "bin-1", size: 5, metadata: { kind: "scan" } });
    const file = join(dir, "in.bin");
    writeFileSync(file, Buffer.from("from a file"));
    await vault(["blobs", "put", "docs", "file-1", file, "--max-retrievals", "2"], [], { VAULT_IDENTITY: "clerk" });
    expect((await raw(["blobs", "get", "docs", "bin-1"])).equals(binary)).toBe(true);
    const outFile = join(dir, "out.bin");
    const meta = await vault(["blobs", "get", "docs", "file-1", "--out", outFile]);
    expect(readFileSync(outFile, "utf8")).toBe("from a file");
    expect(meta).toMatchObject({ owner: "clerk", retrievals: 1, retrievalsLeft: 1 });
    expect(await vault(["blobs", "head", "docs", "file-1"])).toMatchObject({ size: 11, retrievalsLeft: 1 });
    const list = await vault(["blobs", "list", "docs", "--limit", "1"]);
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).toBeTruthy();
    expect((await vault(["blobs", "policies"])).items.map((p: { purpose: string }) => p.purpose)).toEqual(["docs"]);
    // An empty entry round-trips (its answer has no body for the client to parse).
    await vault(["blobs", "put", "docs", "empty", "-"], []);
    expect(await raw(["blobs", "get", "docs", "empty"])).toHaveLength(0);
    await expect(raw(["blobs", "put", "no-policy", "x", "-"], ["v"])).rejects.toThrow(/422 RETENTION_VIOLATION/);
    await expect(raw(["blobs", "frobnicate"])).rejects.toThrow(/unknown command/);
  });

  it("delete prints a proof that verify-proof checks (with the kept content); shred, sweep and the report", async () => {
    await vault(["blobs", "put", "docs", "to-delete", "-"], ["kept content"]);
    const proof = await vault(["blobs", "delete", "docs", "to-delete"]);
    expect(proof).toMatchObject({ reason: "deleted", proof: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const proofFile = join(dir, "proof.json");
    writeFileSync(proofFile, JSON.stringify(proof));
    const contentFile = join(dir, "kept.txt");
    writeFileSync(contentFile, "kept content");
    expect(await vault(["blobs", "verify-proof", proofFile, "--content", contentFile])).toEqual({
      valid: true,
      recorded: true,
      contentMatches: true,
    });
    // HEAD answers have no body: the status still names the code.
    await expect(raw(["blobs", "head", "docs", "to-delete"])).rejects.toThrow(/^410 GONE: /);
    const forged = await vault(["blobs", "verify-proof", "-"], [JSON.stringify({ ...proof, size: proof.size + 1 })]);
    expect(forged.valid).toBe(false);
    await vault(["blobs", "put", "docs", "dana-1", "-"], ["v"], { VAULT_IDENTITY: "dana" });
    expect(await vault(["blobs", "shred", "-"], ["dana\n"])).toEqual({ shredded: true, entries: 1 });
    expect(await vault(["blobs", "sweep-status"])).toMatchObject({ due: 1 });
    expect(await vault(["blobs", "sweep"])).toMatchObject({ purged: 1, trigger: "manual" });
    const report = await vault(["compliance", "report"]);
    expect(report).toMatchObject({
      appId: "cli-blobs",
      retention: { conforming: true },
      purge: { purgedByReason: { deleted: 1, shredded: 1 }, allProofsAvailable: true },
    });
    const html = join(dir, "report.html");
    await raw(["compliance", "report", "--html", "--out", html]);
    expect(readFileSync(html, "utf8")).toContain("Blob compliance report");
  });
});
