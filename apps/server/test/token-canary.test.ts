import { Writable } from "node:stream";
import { inspect } from "node:util";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildServer } from "../src/http/server";
import { createLogger } from "../src/logger";
import { createVault, type Vault } from "../src/vault";
import { databaseDump } from "./helpers";

// Three canaries — a value, a caller-chosen token and a password — go through every token operation over HTTP,
// failures included. None may show up in a log line, a console write, an error answer, an audit entry, a listing or
// the database itself (pg_dump on Postgres; every table and the raw data directory on PGlite).
const VALUE = "CANARY-VALUE-51d0c3";
const TOKEN = "CANARY-TOKEN-8e21af";
const PASSWORD = "CANARY-PASSWORD-a93c7e";
const CANARIES = [VALUE, TOKEN, PASSWORD];

describe(`token canary (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  let server: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    vault = await createVault({
      database: testDb,
      defaultMetrics: false,
      logger: createLogger(
        "trace",
        new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      ),
      tokens: { kdf: { preset: "lightweight" }, lockout: { maxAttempts: 2, lockMs: 60_000 } },
    });
    server = await buildServer(vault, { accessLog: true });
  });
  afterAll(async () => {
    await server?.close();
    await vault?.close();
    await testDb?.close();
  });

  it("never leaks the value, the token or the password", async () => {
    const printed: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        printed.push(args.map((a) => inspect(a, { depth: 10 })).join(" "));
      }),
    );
    const answers: string[] = [];
    try {
      await vault.apps.create({ id: "canary" });
      const { key } = await vault.apiKeys.create("canary", { name: "all", scopes: ["tokens:read", "tokens:write"] });
      const base = "/v1/apps/canary/tokens";
      const call = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
        const response = await server.inject({
          method: "POST",
          url: `${base}${url}`,
          headers: { authorization: `Bearer ${key}`, ...headers },
          payload: body as object,
        });
        return { status: response.statusCode, body: response.body };
      };
      // Answers that are meant to carry a canary (the value read back, the token created) are checked, then left out.
      const expectCarries = (answer: { body: string }, canary: string) => expect(answer.body).toContain(canary);
      const keep = (answer: { status: number; body: string }) => {
        answers.push(answer.body);
        return answer;
      };

      expectCarries(await call("", { value: VALUE, token: TOKEN, password: PASSWORD, data: { note: "meta" } }), TOKEN);
      const generated = JSON.parse((await call("", { value: VALUE }, { "x-vault-token-password": PASSWORD })).body) as {
        token: string;
      };
      expectCarries(await call("/read", { token: TOKEN, password: PASSWORD }), VALUE);
      expectCarries(await call("/read", { token: generated.token }, { "x-vault-token-password": PASSWORD }), VALUE);
      expectCarries(await call("/read-many", { tokens: [TOKEN, generated.token], password: PASSWORD }), VALUE);
      expectCarries(await call("/resolve", { tokens: { a: TOKEN }, password: PASSWORD }), VALUE);
      expect(keep(await call("/exists", { token: TOKEN })).status).toBe(200);
      expect(keep(await call("/update", { token: TOKEN, value: VALUE, password: PASSWORD })).status).toBe(200);
      expect(keep(await call("/upsert", { token: TOKEN, value: VALUE, password: PASSWORD })).status).toBe(200);
      expect(keep(await call("/renew", { token: TOKEN, expiresAt: null })).status).toBe(200);
      expect(keep(await call("/query", { tokens: [TOKEN, generated.token] })).status).toBe(200);
      expect(keep(await call("/query", { tokens: [TOKEN], countOnly: true })).status).toBe(200);
      const listed = await server.inject({ method: "GET", url: base, headers: { authorization: `Bearer ${key}` } });
      answers.push(listed.body);
      // Failures: each answer is an error, and none may echo what it was given.
      const failures = [
        await call("/read", { token: TOKEN, password: `${PASSWORD}-wrong` }),
        await call("/read", { token: TOKEN }),
        await call("/read", { token: TOKEN, password: PASSWORD }), // locked by now
        await call("/read", { token: `${TOKEN}-missing` }),
        await call("", { value: VALUE, token: TOKEN }),
        await call("", { value: VALUE, password: "short" }),
        await call("", { value: { nested: VALUE } }),
        await call("/update", { token: TOKEN, value: VALUE }),
        await call("/change-password", { token: TOKEN, oldPassword: `${PASSWORD}-x`, newPassword: `${PASSWORD}-2` }),
        await call("/resolve", { tokens: { gone: `${TOKEN}-missing` }, password: PASSWORD }),
      ];
      for (const failure of failures) expect(failure.status, failure.body).toBeGreaterThanOrEqual(400);
      answers.push(...failures.map((f) => f.body));
      expect(
        keep(await call("/change-password-all", { oldPassword: PASSWORD, newPassword: `${PASSWORD}-new` })).status,
      ).toBe(200);
      expect(keep(await call("/soft-delete", { token: generated.token })).status).toBe(200);
      expect(keep(await call("/restore", { token: generated.token })).status).toBe(200);
      expect(keep(await call("/delete", { token: generated.token })).status).toBe(204);
      expect(keep(await call("/purge-expired", {})).status).toBe(200);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    const audit = await vault.app("canary").audit({ limit: 500 });
    expect(audit.items.length).toBeGreaterThan(15);
    const dump = await databaseDump(testDb);
    expect(dump.length).toBeGreaterThan(1000);
    const places: Record<string, string> = {
      logs: lines.join(""),
      console: printed.join("\n"),
      answers: answers.join("\n"),
      audit: JSON.stringify(audit),
      database: dump,
    };
    // The places are real: each holds what it should (so a leak there would be seen).
    expect(places.logs).toContain("/v1/apps/canary/tokens/read");
    expect(places.audit).toContain("token.read");
    expect(places.answers).toContain("FORBIDDEN");
    expect(places.database).toContain("note");
    for (const [place, text] of Object.entries(places)) {
      for (const canary of CANARIES) {
        // pg_dump writes bytea as hex: look for that form too.
        for (const form of [canary, Buffer.from(canary).toString("hex")]) {
          expect(text.includes(form), `${canary} found in ${place}`).toBe(false);
        }
      }
    }
  });
});
