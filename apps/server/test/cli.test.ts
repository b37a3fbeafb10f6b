import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/cli";
import { startTestServer, type TestServer } from "./helpers";

describe(`vault CLI against a server (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let url: string;
  beforeAll(async () => {
    t = await startTestServer({ realAudit: true });
    await t.server.listen({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${(t.server.server.address() as { port: number }).port}`;
  });
  afterAll(async () => t?.close());

  async function vault(args: string[], key: string): Promise<unknown> {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await runCli(args, { VAULT_URL: url, VAULT_API_KEY: key });
    } finally {
      spy.mockRestore();
    }
    const text = writes.join("");
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  it("manages apps and keys, then reads and writes secrets, flags and config", async () => {
    expect(await vault(["apps", "create", "cli-app"], t.adminKey)).toMatchObject({ id: "cli-app" });
    const minted = (await vault(
      ["apikeys", "create", "--app", "cli-app", "--name", "cli", "--scopes", "admin"],
      t.adminKey,
    )) as { key: string };
    expect(minted.key).toMatch(/^vault_/);
    expect(await vault(["whoami"], minted.key)).toMatchObject({ appId: "cli-app" });
    expect(await vault(["secrets", "set", "db/password", "s3cret"], minted.key)).toMatchObject({ version: 1 });
    expect(await vault(["secrets", "get", "db/password"], minted.key)).toMatchObject({ value: "s3cret" });
    // "-" reads the value from stdin, so it never appears in shell history or `ps`.
    await runCli(["secrets", "set", "db/password", "-"], { VAULT_URL: url, VAULT_API_KEY: minted.key }, [
      "from-stdin\n",
    ]);
    expect(await vault(["secrets", "get", "db/password"], minted.key)).toMatchObject({
      value: "from-stdin",
      version: 2,
    });
    expect(await vault(["flags", "set", "beta", "--type", "bool", "--default", "true"], minted.key)).toMatchObject({
      key: "beta",
    });
    expect(await vault(["flags", "evaluate", "beta", "--tenant", "acme"], minted.key)).toMatchObject({ value: true });
    expect(await vault(["config", "set", "limit", "10"], minted.key)).toMatchObject({ value: 10 });
    expect(await vault(["config", "resolve", "limit", "--tenant", "acme"], minted.key)).toMatchObject({ value: 10 });
    expect(await vault(["audit", "verify"], minted.key)).toMatchObject({ ok: true });
  });

  it("generates keyrings and API keys offline, and refuses unknown commands", async () => {
    const keyring = (await vault(["keys", "generate"], "")) as { active: string };
    expect(keyring.active).toMatch(/^kek_/);
    expect(String(await vault(["apikeys", "generate"], ""))).toMatch(/^vault_[A-Za-z0-9_-]{43}\n$/);
    await expect(runCli(["secrets", "frobnicate"], { VAULT_URL: url, VAULT_API_KEY: "x" })).rejects.toThrow(/usage/);
  });
});
