import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

describe(`blob routes (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let admin: string;
  let writer: string;
  let reader: string;
  let partner: string;
  let auditor: string;
  const app = "blob-app";
  const entry = (purpose: string, id: string) => `/v1/apps/${app}/blobs/${purpose}/${id}`;

  /** A raw request: bytes or text bodies, and the answer's raw payload. */
  async function send(
    method: string,
    url: string,
    options: { key?: string; body?: Buffer | string; headers?: Record<string, string> } = {},
  ) {
    const response = await t.server.inject({
      method: method as "PUT",
      url,
      headers: { ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...(options.headers ?? {}) },
      ...(options.body === undefined ? {} : { payload: options.body }),
    });
    return response;
  }

  beforeAll(async () => {
    t = await startTestServer({ realAudit: true });
    admin = await t.appKey(app, ["blobs:read", "blobs:write", "blobs:admin"]);
    writer = await t.appKey(app, ["blobs:read", "blobs:write"]);
    reader = await t.appKey(app, ["blobs:read"]);
    auditor = await t.appKey(app, ["audit:read"]);
    partner = await t.appKey("partner-app", ["blobs:read"]);
    const policy = (purpose: string, body: object) =>
      t.call("PUT", `/v1/apps/${app}/blob-policies/${purpose}`, { key: admin, body });
    expect((await policy("card", { maxRetentionDays: 30, defaultTtlDays: 7, access: "open-retrieve" })).status).toBe(
      200,
    );
    await policy("shared", {
      maxRetentionDays: 30,
      defaultTtlDays: 7,
      access: "open-retrieve",
      allowedApps: ["partner-app"],
      maxRetrievals: 3,
    });
    await policy("private", { maxRetentionDays: 30, defaultTtlDays: 7, access: "owner-only", requireIdentity: true });
  });
  afterAll(async () => t?.close());

  it("stores bytes as application/octet-stream with metadata and expiry in headers, and answers them back", async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const expiresAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const put = await send("PUT", entry("card", "pay-1"), {
      key: writer,
      body: bytes,
      headers: {
        "content-type": "application/octet-stream",
        // Header values are ASCII: non-ASCII characters travel as JSON escapes.
        "x-vault-metadata": '{"merchant":42,"note":"caf\\u00e9"}',
        "x-vault-expires-at": expiresAt,
        "x-vault-max-retrievals": "5",
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      replaced: false,
      meta: {
        id: "pay-1",
        purpose: "card",
        size: 5,
        maxRetrievals: 5,
        expiresAt,
        metadata: { merchant: 42, note: "café" },
      },
    });
    const got = await send("GET", entry("card", "pay-1"), { key: reader });
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("application/octet-stream");
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect(got.headers).toMatchObject({
      "x-vault-size": "5",
      "x-vault-retrievals": "1",
      "x-vault-retrievals-left": "4",
      "x-vault-expires-at": expiresAt,
    });
    expect(JSON.parse(String(got.headers["x-vault-metadata"]))).toEqual({ merchant: 42, note: "café" });
    // JSON on request: base64 data and the metadata.
    const json = await send("GET", entry("card", "pay-1"), { key: reader, headers: { accept: "application/json" } });
    expect(json.headers["content-type"]).toMatch(/^application\/json/);
    expect(json.json()).toMatchObject({ data: bytes.toString("base64"), meta: { retrievals: 2, retrievalsLeft: 3 } });
  });

  it("stores JSON with base64 data; HEAD answers size, expiry and retrievals left, counting nothing", async () => {
    const put = await t.call("PUT", entry("card", "pay-2"), {
      key: writer,
      body: { data: Buffer.from("hello").toString("base64"), metadata: { kind: "doc" }, maxRetrievals: 2 },
    });
    expect(put.status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const head = await send("HEAD", entry("card", "pay-2"), { key: reader });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe("");
      expect(head.headers).toMatchObject({
        "x-vault-size": "5",
        "x-vault-retrievals-left": "2",
        "x-vault-retrievals": "0",
      });
    }
    expect((await send("GET", entry("card", "pay-2"), { key: reader })).body).toBe("hello");
    expect((await send("GET", entry("card", "pay-2"), { key: reader })).headers["x-vault-retrievals-left"]).toBe("0");
    // Exhausted: purged, and GONE from then on — HEAD too.
    expectError(await t.call("GET", entry("card", "pay-2"), { key: reader }), 410, "GONE");
    expect((await send("HEAD", entry("card", "pay-2"), { key: reader })).statusCode).toBe(410);
  });

  it("bad input is a 4xx naming the problem, and nothing is stored", async () => {
    const bad = [
      [
        await t.call("PUT", `/v1/apps/${app}/blobs/Bad_Purpose/x`, { key: writer, body: { data: "AA==" } }),
        "params.purpose",
      ],
      [await t.call("PUT", entry("card", "-starts-with-dash"), { key: writer, body: { data: "AA==" } }), "params.id"],
      [await t.call("PUT", entry("card", "x"), { key: writer, body: { data: "not base64!" } }), "body.data"],
      [await t.call("PUT", entry("card", "x"), { key: writer, body: { data: "AA==", extra: 1 } }), "body"],
      [
        await t.call("PUT", entry("card", "x"), { key: writer, body: { data: "AA==", expiresAt: "tomorrow" } }),
        "body.expiresAt",
      ],
      [
        await t.call("PUT", entry("card", "x"), {
          key: writer,
          body: { data: "AA==" },
          headers: { "x-vault-identity": "has space" },
        }),
        "headers.x-vault-identity",
      ],
      // Another key's own identity (what it owns when it presents none) cannot be presented.
      [
        await t.call("GET", entry("card", "x"), {
          key: reader,
          headers: { "x-vault-identity": "key:apikey_01jz8wq3v2e5r9t6y4u7i0o1p2" },
        }),
        "headers.x-vault-identity",
      ],
      [
        await t.call("PUT", entry("card", "x"), {
          key: writer,
          body: { data: "AA==" },
          headers: { "x-vault-identity": `app:${app}` },
        }),
        "headers.x-vault-identity",
      ],
    ] as const;
    for (const [response, field] of bad) {
      expectError(response, 400, "VALIDATION");
      expect(response.body.error.message).toContain(field);
    }
    const badHeader = await send("PUT", entry("card", "x"), {
      key: writer,
      body: Buffer.from("v"),
      headers: { "content-type": "application/octet-stream", "x-vault-metadata": "{not json" },
    });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().error.message).toContain("x-vault-metadata");
    const badCount = await send("PUT", entry("card", "x"), {
      key: writer,
      body: Buffer.from("v"),
      headers: { "content-type": "application/octet-stream", "x-vault-max-retrievals": "many" },
    });
    expect(badCount.json().error.message).toContain("x-vault-max-retrievals");
    // Other media types are 415; bytes on a JSON route too.
    expect(
      (await send("PUT", entry("card", "x"), { key: writer, body: "v", headers: { "content-type": "text/plain" } }))
        .statusCode,
    ).toBe(415);
    const bytesElsewhere = await send("PUT", `/v1/apps/${app}/blob-policies/card`, {
      key: admin,
      body: Buffer.from("{}"),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(bytesElsewhere.statusCode).toBe(415);
    // Retention: beyond the maximum is 422 naming it; a purpose without a policy is 422 too.
    const far = new Date(t.clock.now().getTime() + 31 * 86_400_000).toISOString();
    const tooLong = await t.call("PUT", entry("card", "x"), { key: writer, body: { data: "AA==", expiresAt: far } });
    expectError(tooLong, 422, "RETENTION_VIOLATION");
    expect(tooLong.body.error.details).toMatchObject({ maxRetentionDays: 30, purpose: "card" });
    expectError(
      await t.call("PUT", entry("no-policy", "x"), { key: writer, body: { data: "AA==" } }),
      422,
      "RETENTION_VIOLATION",
    );
    expectError(await t.call("GET", entry("card", "x"), { key: reader }), 404, "NOT_FOUND");
    // A reserved word is not a purpose.
    expectError(
      await t.call("PUT", `/v1/apps/${app}/blob-policies/sweep`, {
        key: admin,
        body: { maxRetentionDays: 1, defaultTtlDays: 1 },
      }),
      400,
      "VALIDATION",
    );
  });

  it("a blob above the configured maximum is 413, as bytes and as base64 JSON", async () => {
    const limit = t.vault.blobs.maxBlobBytes;
    const big = Buffer.alloc(limit + 1, 7);
    const asBytes = await send("PUT", entry("card", "big"), {
      key: writer,
      body: big,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(asBytes.statusCode).toBe(413);
    expect(asBytes.json().error.code).toBe("PAYLOAD_TOO_LARGE");
    const asJson = await t.call("PUT", entry("card", "big"), { key: writer, body: { data: big.toString("base64") } });
    expectError(asJson, 413, "PAYLOAD_TOO_LARGE");
    const wayTooBig = await send("PUT", entry("card", "big"), {
      key: writer,
      body: Buffer.alloc(limit * 2, 7),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(wayTooBig.statusCode).toBe(413);
    expect(await t.call("HEAD", entry("card", "big"), { key: reader })).toMatchObject({ status: 404 });
    const exact = await send("PUT", entry("card", "exact"), {
      key: writer,
      body: Buffer.alloc(limit, 1),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(exact.statusCode).toBe(200);
  });

  it("another app reads only where allowedApps lists it; elsewhere 404, like a missing entry", async () => {
    await t.call("PUT", entry("shared", "doc"), {
      key: writer,
      body: { data: Buffer.from("shared").toString("base64") },
    });
    await t.call("PUT", entry("card", "doc"), { key: writer, body: { data: Buffer.from("mine").toString("base64") } });
    expect((await send("GET", entry("shared", "doc"), { key: partner })).body).toBe("shared");
    expect((await send("HEAD", entry("shared", "doc"), { key: partner })).statusCode).toBe(200);
    const hidden = await t.call("GET", entry("card", "doc"), { key: partner });
    const missing = await t.call("GET", entry("card", "nothing"), { key: partner });
    expectError(hidden, 404, "NOT_FOUND");
    expectError(missing, 404, "NOT_FOUND");
    expectError(await t.call("GET", entry("no-policy", "doc"), { key: partner }), 404, "NOT_FOUND");
    // Reading is all: other routes answer another app's key 404 before anything else.
    expectError(await t.call("GET", `/v1/apps/${app}/blobs/shared`, { key: partner }), 404, "NOT_FOUND");
    expectError(await t.call("DELETE", entry("shared", "doc"), { key: partner }), 404, "NOT_FOUND");
    const partnerWriter = await t.appKey("partner-app", ["blobs:read", "blobs:write"]);
    expectError(
      await t.call("PUT", entry("shared", "x"), { key: partnerWriter, body: { data: "AA==" } }),
      404,
      "NOT_FOUND",
    );
  });

  it("owner-only with requireIdentity: the identity header owns and reads; others are 403", async () => {
    const asAlice = { "x-vault-identity": "alice" };
    expectError(
      await t.call("PUT", entry("private", "doc"), { key: writer, body: { data: "AA==" } }),
      403,
      "FORBIDDEN",
    );
    expect(
      (await t.call("PUT", entry("private", "doc"), { key: writer, body: { data: "AA==" }, headers: asAlice })).status,
    ).toBe(200);
    expect((await send("GET", entry("private", "doc"), { key: reader, headers: asAlice })).statusCode).toBe(200);
    expectError(
      await t.call("GET", entry("private", "doc"), { key: reader, headers: { "x-vault-identity": "bob" } }),
      403,
      "FORBIDDEN",
    );
    expectError(await t.call("GET", entry("private", "doc"), { key: reader }), 403, "FORBIDDEN");
    // The listing shows the caller's own entries only.
    const mine = await t.call("GET", `/v1/apps/${app}/blobs/private`, { key: reader, headers: asAlice });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual(["doc"]);
    const bobs = await t.call("GET", `/v1/apps/${app}/blobs/private`, {
      key: reader,
      headers: { "x-vault-identity": "bob" },
    });
    expect(bobs.body.items).toEqual([]);
    // The audit entry of the read names alice as the actor.
    const entries = await t.vault.app(app).audit({ action: "blob.retrieved", actor: "alice" });
    expect(entries.items.length).toBeGreaterThan(0);
  });

  it("lists with a cursor; DELETE answers a proof that verify-proof accepts; shred makes an owner's entries 410", async () => {
    for (let i = 0; i < 5; i++) {
      await t.call("PUT", entry("card", `list-${i}`), { key: writer, body: { data: "AA==" } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.call(
        "GET",
        `/v1/apps/${app}/blobs/card?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { key: reader },
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => id.startsWith("list-"))).toEqual(["list-0", "list-1", "list-2", "list-3", "list-4"]);

    const proof = await t.call("DELETE", entry("card", "list-0"), { key: writer });
    expect(proof.status).toBe(200);
    expect(proof.body).toMatchObject({
      id: "list-0",
      reason: "deleted",
      proof: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const verified = await t.call("POST", `/v1/apps/${app}/blobs/verify-proof`, {
      key: admin,
      body: { proof: proof.body, content: "AA==" },
    });
    expect(verified.body).toEqual({ valid: true, recorded: true, contentMatches: true });
    const forged = await t.call("POST", `/v1/apps/${app}/blobs/verify-proof`, {
      key: admin,
      body: { proof: { ...proof.body, reason: "expired" } },
    });
    expect(forged.body.valid).toBe(false);
    expectError(
      await t.call("POST", `/v1/apps/${app}/blobs/verify-proof`, { key: writer, body: { proof: proof.body } }),
      403,
      "FORBIDDEN",
    );
    expectError(await t.call("DELETE", entry("card", "list-0"), { key: writer }), 410, "GONE");

    await t.call("PUT", entry("card", "carol-doc"), {
      key: writer,
      body: { data: "AA==" },
      headers: { "x-vault-identity": "carol" },
    });
    const shred = await t.call("POST", `/v1/apps/${app}/blobs/shred`, { key: admin, body: { owner: "carol" } });
    expect(shred.body).toEqual({ shredded: true, entries: 1 });
    expectError(await t.call("GET", entry("card", "carol-doc"), { key: reader }), 410, "GONE");
    expectError(
      await t.call("POST", `/v1/apps/${app}/blobs/shred`, { key: writer, body: { owner: "carol" } }),
      403,
      "FORBIDDEN",
    );
  });

  it("the sweep runs on demand and reports its status; the compliance report answers JSON and HTML", async () => {
    const before = await t.call("GET", `/v1/apps/${app}/blobs/sweep`, { key: reader });
    expect(before.body.due).toBeGreaterThanOrEqual(1); // carol's shredded entry
    const run = await t.call("POST", `/v1/apps/${app}/blobs/sweep`, { key: admin });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toMatchObject({ appId: app, trigger: "manual", error: null });
    expect(run.body.purged).toBe(before.body.due);
    const after = await t.call("GET", `/v1/apps/${app}/blobs/sweep`, { key: reader });
    expect(after.body).toMatchObject({ due: 0, lastRun: { id: run.body.id } });
    expectError(await t.call("POST", `/v1/apps/${app}/blobs/sweep`, { key: writer }), 403, "FORBIDDEN");

    const report = await t.call("GET", `/v1/apps/${app}/compliance/report`, { key: auditor });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      appId: app,
      retention: { conforming: true, violations: 0 },
      access: { available: true },
      purge: { allProofsAvailable: true, lastSweep: { id: run.body.id } },
      auditChain: { available: true, verified: true },
    });
    expect(report.body.access.retrievals).toBeGreaterThan(3);
    expect(report.body.inventory.purposes.map((p: { purpose: string }) => p.purpose)).toEqual([
      "card",
      "private",
      "shared",
    ]);
    const html = await send("GET", `/v1/apps/${app}/compliance/report?format=html`, { key: auditor });
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect(html.body).toContain("Blob compliance report");
    const byAccept = await send("GET", `/v1/apps/${app}/compliance/report`, {
      key: auditor,
      headers: { accept: "text/html" },
    });
    expect(byAccept.body).toMatch(/^<!doctype html>/);
    expectError(
      await t.call("GET", `/v1/apps/${app}/compliance/report?from=yesterday`, { key: auditor }),
      400,
      "VALIDATION",
    );
    expectError(await t.call("GET", `/v1/apps/${app}/compliance/report`, { key: reader }), 403, "FORBIDDEN");
  });

  it("policies: read back, listed; a key without blobs:admin cannot set one", async () => {
    const got = await t.call("GET", `/v1/apps/${app}/blob-policies/shared`, { key: reader });
    expect(got.body).toMatchObject({
      purpose: "shared",
      access: "open-retrieve",
      allowedApps: ["partner-app"],
      maxRetrievals: 3,
    });
    const all = await t.call("GET", `/v1/apps/${app}/blob-policies`, { key: reader });
    expect(all.body.items.map((p: { purpose: string }) => p.purpose)).toEqual(["card", "private", "shared"]);
    expectError(
      await t.call("PUT", `/v1/apps/${app}/blob-policies/card`, {
        key: writer,
        body: { maxRetentionDays: 1, defaultTtlDays: 1 },
      }),
      403,
      "FORBIDDEN",
    );
    expectError(await t.call("GET", `/v1/apps/${app}/blob-policies/unknown`, { key: reader }), 404, "NOT_FOUND");
  });
});
