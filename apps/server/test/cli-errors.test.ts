import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli";
import { startTestServer, type TestServer } from "./helpers";
import { repoRoot, START_ARGS } from "./process";

/** Run the `vault` command as a real process (from source, as the bin does once built). */
function vaultProcess(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [...START_ARGS, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on("close", (code) => done({ code, stdout, stderr })),
  );
}

/** A local port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe(`vault CLI errors against a server (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let url: string;
  let key: string;
  beforeAll(async () => {
    t = await startTestServer();
    await t.server.listen({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${(t.server.server.address() as { port: number }).port}`;
    key = await t.appKey("cli-errors", ["secrets:read", "flags:read", "flags:write"]);
  });
  afterAll(async () => t?.close());

  it("a 4xx from the server: `vault: <status> <code>: <message>` on stderr, nothing on stdout, exit code 1", async () => {
    const { code, stdout, stderr } = await vaultProcess(["secrets", "get", "db/missing"], {
      VAULT_URL: url,
      VAULT_API_KEY: key,
    });
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^vault: 404 NOT_FOUND: .*db\/missing.*\n$/);
    expect(code).toBe(1);
  }, 60_000);

  it("names the status and code of every refusal, and says which server it could not reach", async () => {
    const env = { VAULT_URL: url, VAULT_API_KEY: key };
    await expect(runCli(["flags", "get", "nope"], env)).rejects.toThrow(/^404 NOT_FOUND: /);
    // The key lacks secrets:write: the server's 403, not a usage error.
    await expect(runCli(["secrets", "set", "a", "b"], env)).rejects.toThrow(/^403 FORBIDDEN: .*secrets:write/);
    await expect(runCli(["whoami"], { ...env, VAULT_API_KEY: "vault_not-a-key" })).rejects.toThrow(
      /^401 UNAUTHENTICATED: /,
    );
    // The server's own validation of what the CLI passed through (the flag type is the server's to judge).
    await expect(runCli(["flags", "set", "x", "--type", "colour", "--default", "1"], env)).rejects.toThrow(
      /^400 VALIDATION: /,
    );
    const away = `http://127.0.0.1:${await closedPort()}`;
    await expect(runCli(["whoami"], { ...env, VAULT_URL: away })).rejects.toThrow(
      `cannot reach the server at ${away}: ECONNREFUSED`,
    );
  });
});

describe("the CLI's remote commands", () => {
  it("quote the request id of the server's own failure (a 5xx)", async () => {
    const envelope = { error: { code: "INTERNAL", message: "boom", details: {}, requestId: "req-9" } };
    const server = createHttpServer((_request, response) => {
      response.writeHead(500, { "content-type": "application/json", "x-request-id": "req-9" });
      response.end(JSON.stringify(envelope));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      await expect(runCli(["whoami"], { VAULT_URL: url, VAULT_API_KEY: "k" })).rejects.toThrow(
        /^500 INTERNAL: boom \(request id req-9\)$/,
      );
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it("all go through the typed @vault/client: no module calls fetch( or builds a /v1 URL by hand", () => {
    const dir = resolve(import.meta.dirname, "../src/cli");
    const files = [resolve(dir, "../cli.ts"), ...readdirSync(dir).map((name) => resolve(dir, name))];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/\bfetch\s*\(/);
      // A path built by hand (`${base}/v1/…`, `/v1/apps/${id}`, an encoded segment) rather than the typed client's.
      expect(source, file).not.toMatch(/\}\/v1\/|\/v1\/[\w\-/{}]*\$\{|encodeURIComponent|URLSearchParams/);
    }
  });
});
