import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers";

// The admin UI as the server serves it, from a stand-in build (the real one is driven in a browser by apps/web's
// end-to-end test): caching, the Content-Security-Policy, the single-page app's own paths, missing assets.
const INDEX =
  '<!doctype html><html><head><script type="module" src="/ui/assets/index-abc123.js"></script></head></html>';

const SCRIPT = `console.log(${JSON.stringify("ui ".repeat(200))});`;

describe("admin UI at /ui", () => {
  let built: string;
  let server: TestServer;
  let unbuilt: TestServer;

  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), "vault-ui-"));
    mkdirSync(join(built, "assets"));
    writeFileSync(join(built, "index.html"), INDEX);
    writeFileSync(join(built, "assets", "index-abc123.js"), SCRIPT);
    // As the build writes them: compressed once beside each asset.
    writeFileSync(join(built, "assets", "index-abc123.js.br"), brotliCompressSync(SCRIPT));
    writeFileSync(join(built, "assets", "index-abc123.js.gz"), gzipSync(SCRIPT));
    server = await startTestServer({ ui: { dir: built } });
    unbuilt = await startTestServer({ ui: { dir: join(built, "missing") } });
  });

  afterAll(async () => {
    await server?.close();
    await unbuilt?.close();
    rmSync(built, { recursive: true, force: true });
  });

  it("serves index.html uncached, with a Content-Security-Policy that allows scripts from this server only", async () => {
    for (const url of ["/ui", "/ui/", "/ui/secrets/db%2Fpassword", "/ui/flags"]) {
      const answer = await server.call("GET", url);
      expect(answer.status, url).toBe(200);
      expect(answer.raw).toBe(INDEX);
      expect(answer.headers["content-type"]).toMatch(/^text\/html/);
      expect(answer.headers["cache-control"]).toBe("no-cache");
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("caches hashed assets for a year, and answers a missing asset 404 in the error envelope (not the page)", async () => {
    const asset = await server.call("GET", "/ui/assets/index-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/javascript/);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const missing = await server.call("GET", "/ui/assets/index-gone.js");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    expect(missing.headers["x-request-id"]).toBeTruthy();
  });

  it("sends the build's precompressed .br or .gz as the browser accepts, still cached for a year", async () => {
    for (const [accept, encoding, file] of [
      ["gzip, deflate, br, zstd", "br", "index-abc123.js.br"],
      ["gzip, deflate", "gzip", "index-abc123.js.gz"],
      ["identity", undefined, "index-abc123.js"],
    ] as const) {
      const answer = await server.server.inject({
        method: "GET",
        url: "/ui/assets/index-abc123.js",
        headers: { "accept-encoding": accept },
      });
      expect(answer.statusCode, accept).toBe(200);
      expect(answer.headers["content-encoding"], accept).toBe(encoding);
      expect(answer.rawPayload.equals(readFileSync(join(built, "assets", file))), accept).toBe(true);
      expect(answer.headers["content-type"], accept).toMatch(/javascript/);
      expect(answer.headers["cache-control"], accept).toBe("public, max-age=31536000, immutable");
      expect(String(answer.headers.vary), accept).toMatch(/accept-encoding/i);
    }
  });

  it("leaves API answers without the UI's headers, and the UI out of the OpenAPI document", async () => {
    const health = await server.call("GET", "/health");
    expect(health.headers["content-security-policy"]).toBeUndefined();
    const document = await server.call("GET", "/openapi.json");
    expect(Object.keys(document.body.paths).filter((path) => path.startsWith("/ui"))).toEqual([]);
  });

  it("says how to build the UI when it is not built", async () => {
    const answer = await unbuilt.call("GET", "/ui/");
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toContain("not built");
  });
});
