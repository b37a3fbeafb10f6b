import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/cli";
import { startTestServer, type TestServer } from "./helpers";

describe(`vault tokens … against a server (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer();
    await t.server.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(t.server.server.address() as { port: number }).port}`;
    env = { VAULT_URL: url, VAULT_API_KEY: await t.appKey("cli-tokens", ["tokens:read", "tokens:write"]) };
  });
  afterAll(async () => t?.close());

  // biome-ignore lint/suspicious/noExplicitAny: the CLI prints JSON answers of many shapes
  async function vault(args: string[], extra: Record<string, string> = {}, stdin: string[] = []): Promise<any> {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await runCli(args, { ...env, ...extra }, stdin);
    } finally {
      spy.mockRestore();
    }
    const text = writes.join("");
    return text === "" ? undefined : JSON.parse(text);
  }

  it("creates from stdin, reads, renews, soft-deletes, restores, deletes and queries", async () => {
    const created = await vault(["tokens", "create", "-", "--data", '{"kind":"card"}'], {}, ["4111\n"]);
    expect(created.token).toMatch(/^tk_/);
    expect(await vault(["tokens", "read", "-"], {}, [`${created.token}\n`])).toMatchObject({ value: "4111" });
    expect(await vault(["tokens", "exists", created.token])).toEqual({ exists: true });
    expect(await vault(["tokens", "update", created.token, "4222"])).toMatchObject({ version: 2 });
    expect(await vault(["tokens", "upsert", "cli-chosen-1", "v"])).toMatchObject({ outcome: "created" });
    expect(await vault(["tokens", "renew", created.token, "--expires-at", "never"])).toMatchObject({ expiresAt: null });
    expect(await vault(["tokens", "soft-delete", created.token])).toMatchObject({ id: created.meta.id });
    expect(await vault(["tokens", "query", "--count"])).toEqual({ count: 1 });
    expect(await vault(["tokens", "query", "--include-deleted", "--count"])).toEqual({ count: 2 });
    expect(await vault(["tokens", "restore", created.token])).toMatchObject({ deletedAt: null });
    await vault(["tokens", "delete", created.token]);
    expect(await vault(["tokens", "exists", created.token])).toEqual({ exists: false });
    expect(await vault(["tokens", "purge-expired", "--soft"])).toEqual({ count: 0 });
    await expect(vault(["tokens", "frobnicate"])).rejects.toThrow(/unknown command/);
  });

  it("takes passwords from the environment only, for reads and both password changes", async () => {
    const created = await vault(["tokens", "create", "guarded"], { VAULT_TOKEN_PASSWORD: "cli password 1" });
    expect(created.meta.passwordProtected).toBe(true);
    await expect(vault(["tokens", "read", created.token])).rejects.toThrow(/403 FORBIDDEN/);
    expect(await vault(["tokens", "read", created.token], { VAULT_TOKEN_PASSWORD: "cli password 1" })).toMatchObject({
      value: "guarded",
    });
    await vault(["tokens", "change-password", created.token], {
      VAULT_TOKEN_PASSWORD: "cli password 1",
      VAULT_TOKEN_NEW_PASSWORD: "cli password 2",
    });
    expect(
      await vault(["tokens", "change-password-all"], {
        VAULT_TOKEN_PASSWORD: "cli password 2",
        VAULT_TOKEN_NEW_PASSWORD: "cli password 3",
      }),
    ).toEqual({ records: 1, passwordKeys: 1, rewrappedRecords: 0 });
    expect(await vault(["tokens", "read", created.token], { VAULT_TOKEN_PASSWORD: "cli password 3" })).toMatchObject({
      value: "guarded",
    });
  });
});
