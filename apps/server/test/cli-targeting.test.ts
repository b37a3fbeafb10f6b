import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/cli";
import { startTestServer, type TestServer } from "./helpers";

describe(`vault segments and vault flags rules against a server (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let url: string;
  let key: string;
  beforeAll(async () => {
    t = await startTestServer();
    await t.server.listen({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${(t.server.server.address() as { port: number }).port}`;
    key = await t.appKey("cli-targeting", ["flags:write", "flags:read", "flags:evaluate"]);
  });
  afterAll(async () => t?.close());

  /** Run the CLI; its JSON answer (stdout), parsed. */
  async function vault(args: string[], stdin: string[] = []): Promise<unknown> {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await runCli(args, { VAULT_URL: url, VAULT_API_KEY: key }, stdin);
    } finally {
      spy.mockRestore();
    }
    const text = writes.join("");
    return text === "" ? undefined : JSON.parse(text);
  }

  it("segments create / get / list / update / delete, and rules that name them through vault flags rules", async () => {
    const constraints = [{ attribute: "plan", operator: "eq", values: ["enterprise"] }];
    expect(
      await vault([
        "segments",
        "create",
        "enterprise",
        "--constraints",
        JSON.stringify(constraints),
        "--description",
        "big",
      ]),
    ).toMatchObject({ key: "enterprise", version: 1, description: "big", constraints });
    expect(await vault(["segments", "get", "enterprise"])).toMatchObject({ key: "enterprise" });
    // `-` reads the JSON from stdin (a file piped in).
    const widened = [{ attribute: "plan", operator: "in", values: ["enterprise", "scale"] }];
    expect(
      await vault(["segments", "update", "enterprise", "--constraints", "-", "--cas", "1"], [JSON.stringify(widened)]),
    ).toMatchObject({ version: 2, constraints: widened });
    await expect(vault(["segments", "update", "enterprise", "--description", "x", "--cas", "1"])).rejects.toThrow(
      /409 CONFLICT: segment "enterprise" is at version 2, not 1/,
    );
    expect(await vault(["segments", "list"])).toMatchObject({ items: [{ key: "enterprise" }] });

    await vault(["flags", "set", "big-deal", "--type", "bool", "--default", "false"]);
    const rules = [
      {
        type: "rollout",
        percentage: 100,
        segments: ["enterprise"],
        constraints: [{ attribute: "region", operator: "starts_with", values: ["eu-"] }],
        value: true,
      },
    ];
    const written = (await vault(["flags", "rules", "big-deal", "--set", JSON.stringify(rules)])) as {
      version: number;
    };
    expect(written.version).toBe(2);
    expect(await vault(["flags", "rules", "big-deal"])).toMatchObject([{ type: "rollout", segments: ["enterprise"] }]);
    await expect(vault(["segments", "delete", "enterprise"])).rejects.toThrow(
      /409 CONFLICT: segment "enterprise" is used by flag "big-deal"/,
    );
    await vault(["flags", "rules", "big-deal", "--set", "[]", "--cas", "2"]);
    expect(await vault(["segments", "delete", "enterprise"])).toBeUndefined();
    await expect(vault(["segments", "get", "enterprise"])).rejects.toThrow(/404 NOT_FOUND/);
  });

  it("user overrides: set, list, delete", async () => {
    await vault(["flags", "set", "quota", "--type", "int", "--default", "1"]);
    expect(await vault(["flags", "user-override", "quota", "alice", "50"])).toMatchObject({
      userId: "alice",
      value: 50,
    });
    expect(await vault(["flags", "user-overrides", "quota"])).toMatchObject({ items: [{ userId: "alice" }] });
    expect(await vault(["flags", "evaluate", "quota", "--user", "alice"])).toMatchObject({ value: 50 });
    expect(await vault(["flags", "user-override", "quota", "alice", "--delete"])).toBeUndefined();
    expect(await vault(["flags", "evaluate", "quota", "--user", "alice"])).toMatchObject({ value: 1 });
  });

  it("flags usage and flags stale", async () => {
    await vault(["flags", "set", "counted", "--type", "bool", "--default", "true"]);
    await vault(["flags", "evaluate", "counted"]);
    await vault(["flags", "evaluate", "counted"]);
    await t.vault.flags.flushUsage();
    expect(await vault(["flags", "usage", "counted", "--days", "1"])).toMatchObject([
      { flagKey: "counted", total: 2, variants: [{ variant: null, count: 2 }] },
    ]);
    t.clock.advance(40 * 86_400_000);
    const stale = (await vault(["flags", "stale", "--days", "30"])) as { key: string; reasons: string[] }[];
    expect(stale.find((f) => f.key === "counted")?.reasons).toEqual(["not_evaluated", "fully_rolled_out"]);
  });

  it("names what is missing or malformed", async () => {
    await expect(vault(["segments", "create", "s"])).rejects.toThrow(
      /usage: vault segments create: needs --constraints/,
    );
    await expect(vault(["segments", "create", "s", "--constraints", "{nope"])).rejects.toThrow(
      /--constraints: not JSON/,
    );
    await expect(vault(["segments", "frobnicate"])).rejects.toThrow(/unknown command/);
    await expect(vault(["flags", "rules"])).rejects.toThrow(/flags rules: needs KEY/);
  });
});
