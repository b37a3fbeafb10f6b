import { Writable } from "node:stream";
import { inspect } from "node:util";
import { ManualClock } from "@vault/core";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildServer } from "../src/http/server";
import { createLogger } from "../src/logger";
import { createVault, type Vault } from "../src/vault";
import { databaseDump } from "./helpers";

// A canary content goes through every blob route, as bytes and as base64 JSON, failures included. It may come back
// only from a GET of its entry; it must never show up in a log line, a console write, any other answer (errors,
// listings, HEAD, proofs, sweeps, the compliance report in JSON and HTML), an audit entry or the database.
const CONTENT = "CANARY-BLOB-CONTENT-7f3a91";
const forms = [CONTENT, Buffer.from(CONTENT).toString("hex"), Buffer.from(CONTENT).toString("base64")];

describe(`blob canary (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  let server: FastifyInstance;
  const clock = new ManualClock("2026-04-01T00:00:00Z");
  const lines: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    vault = await createVault({
      database: testDb,
      clock,
      defaultMetrics: false,
      blobs: { maxBlobBytes: 4096 },
      logger: createLogger(
        "trace",
        new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      ),
    });
    server = await buildServer(vault, { accessLog: true });
  });
  afterAll(async () => {
    await server?.close();
    await vault?.close();
    await testDb?.close();
  });

  it("never leaks a blob's content outside its own GET", async () => {
    const printed: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        printed.push(args.map((a) => inspect(a, { depth: 10 })).join(" "));
      }),
    );
    const answers: string[] = [];
    try {
      await vault.apps.create({ id: "canary" });
      await vault.apps.create({ id: "stranger" });
      const { key } = await vault.apiKeys.create("canary", { name: "all", scopes: ["admin"] });
      const { key: reader } = await vault.apiKeys.create("canary", { name: "r", scopes: ["blobs:read"] });
      const { key: stranger } = await vault.apiKeys.create("stranger", { name: "s", scopes: ["blobs:read"] });
      const call = async (
        method: string,
        url: string,
        options: { body?: unknown; bytes?: Buffer; headers?: Record<string, string>; as?: string } = {},
      ) => {
        const response = await server.inject({
          method: method as "GET",
          url: `/v1/apps/canary${url}`,
          headers: {
            authorization: `Bearer ${options.as ?? key}`,
            ...(options.bytes ? { "content-type": "application/octet-stream" } : {}),
            ...(options.headers ?? {}),
          },
          ...(options.bytes
            ? { payload: options.bytes }
            : options.body === undefined
              ? {}
              : { payload: options.body as object }),
        });
        return { status: response.statusCode, body: response.body, headers: JSON.stringify(response.headers) };
      };
      const keep = (answer: { status: number; body: string; headers: string }) => {
        answers.push(answer.body, answer.headers);
        return answer;
      };
      const base64 = Buffer.from(CONTENT).toString("base64");
      const policy = { maxRetentionDays: 30, defaultTtlDays: 7, access: "owner-only", maxRetrievals: 3 };
      expect(keep(await call("PUT", "/blob-policies/docs", { body: policy })).status).toBe(200);
      expect(keep(await call("PUT", "/blobs/docs/as-bytes", { bytes: Buffer.from(CONTENT) })).status).toBe(200);
      expect(
        keep(await call("PUT", "/blobs/docs/as-json", { body: { data: base64, metadata: { n: 1 } } })).status,
      ).toBe(200);
      expect(keep(await call("PUT", "/blobs/docs/as-json", { body: { data: base64 } })).status).toBe(200); // replaced
      // The GETs meant to carry it: checked, then left out.
      expect((await call("GET", "/blobs/docs/as-bytes")).body).toBe(CONTENT);
      expect((await call("GET", "/blobs/docs/as-json", { headers: { accept: "application/json" } })).body).toContain(
        base64,
      );
      expect(keep(await call("HEAD", "/blobs/docs/as-bytes")).status).toBe(200);
      expect(keep(await call("GET", "/blobs/docs")).status).toBe(200);
      // Failures: none may echo what it was given.
      const failures = [
        await call("PUT", "/blobs/no-policy/x", { bytes: Buffer.from(CONTENT) }),
        await call("PUT", "/blobs/docs/too-long", {
          body: { data: base64, expiresAt: "2030-01-01T00:00:00Z" },
        }),
        await call("PUT", "/blobs/docs/too-big", { bytes: Buffer.concat([Buffer.from(CONTENT), Buffer.alloc(5000)]) }),
        await call("PUT", "/blobs/docs/not-base64", { body: { data: `${CONTENT}!` } }),
        await call("PUT", "/blobs/docs/bad-type", { body: CONTENT, headers: { "content-type": "text/plain" } }),
        await call("PUT", "/blobs/docs/bad-header", {
          bytes: Buffer.from(CONTENT),
          headers: { "x-vault-metadata": "{" },
        }),
        await call("GET", "/blobs/docs/as-bytes", { as: reader }), // not the owner
        await call("GET", "/blobs/docs/as-bytes", { as: stranger }), // another app
        await call("PUT", "/blobs/docs/as-bytes", { bytes: Buffer.from(CONTENT), as: reader }), // no write scope
      ];
      for (const failure of failures) expect(failure.status, failure.body).toBeGreaterThanOrEqual(400);
      answers.push(...failures.flatMap((f) => [f.body, f.headers]));
      // Exhaust as-bytes (3 retrievals: 1 done), delete as-json, keep a third for the sweep.
      await call("GET", "/blobs/docs/as-bytes");
      await call("GET", "/blobs/docs/as-bytes");
      expect(keep(await call("GET", "/blobs/docs/as-bytes")).status).toBe(410);
      const proof = keep(await call("DELETE", "/blobs/docs/as-json"));
      expect(proof.status).toBe(200);
      const verified = keep(
        await call("POST", "/blobs/verify-proof", { body: { proof: JSON.parse(proof.body), content: base64 } }),
      );
      expect(JSON.parse(verified.body)).toMatchObject({ valid: true, contentMatches: true });
      await call("PUT", "/blobs/docs/swept", { bytes: Buffer.from(CONTENT), headers: { "x-vault-identity": "erin" } });
      expect(keep(await call("POST", "/blobs/shred", { body: { owner: "erin" } })).status).toBe(200);
      expect(keep(await call("POST", "/blobs/sweep", { body: {} })).status).toBe(200);
      expect(keep(await call("GET", "/blobs/sweep")).status).toBe(200);
      expect(keep(await call("GET", "/compliance/report")).status).toBe(200);
      expect(keep(await call("GET", "/compliance/report?format=html")).status).toBe(200);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    const audit = await vault.app("canary").audit({ limit: 500 });
    expect(audit.items.length).toBeGreaterThan(10);
    const dump = await databaseDump(testDb);
    const places: Record<string, string> = {
      logs: lines.join(""),
      console: printed.join("\n"),
      answers: answers.join("\n"),
      audit: JSON.stringify(audit),
      database: dump,
    };
    // The places are real: each holds what it should (so a leak there would be seen).
    expect(places.logs).toContain("/v1/apps/canary/blobs/docs/as-bytes");
    expect(places.audit).toContain("blob.retrieved");
    expect(places.audit).toContain("blob.purged");
    expect(places.answers).toContain("RETENTION_VIOLATION");
    expect(places.answers).toContain("Blob compliance report");
    expect(places.database).toContain("as-bytes");
    for (const [place, text] of Object.entries(places)) {
      for (const form of forms) expect(text.includes(form), `${form} found in ${place}`).toBe(false);
    }
  });
});
