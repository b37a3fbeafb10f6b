import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unwrap } from "@vault/client";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readmeBlocks, runExample } from "../../../../tools/readme-examples.mjs";
import { repoRoot } from "../process";
import { apiFor, appWithKey, ServerFixture } from "./harness";

// The examples of a service's side of Vault need a server, so they run here rather than in their package's
// readme.test.ts: every ```ts block of these files, as written (conventions: tools/readme-examples.mjs), against a
// server process holding the app they use, with the settings a service reads from its environment.
const EXAMPLES = [
  { file: "packages/client/README.md", claims: [3, 3, 3] },
  { file: "packages/openfeature/README.md", claims: [1] },
  { file: "docs/client.md", claims: [6, 1] },
];
const SETTINGS = ["VAULT_URL", "VAULT_API_KEY", "VAULT_BACKUP_FILE"] as const;

describe(`client examples against a real server process (${testDatabaseKind()})`, { timeout: 120_000 }, () => {
  let fixture: ServerFixture;
  const backupDir = mkdtempSync(join(tmpdir(), "vault-examples-"));
  const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    fixture = await ServerFixture.create();
    const server = await fixture.start();
    const admin = apiFor(
      server.url,
      await appWithKey(server.url, fixture.adminKey, "shop", ["flags:write", "config:write", "blobs:admin"]),
    );
    // The examples' key is a service's: it reads and evaluates flags and config (it does not change them), and
    // stores and reads its blobs.
    const key = await appWithKey(server.url, fixture.adminKey, "shop", [
      "flags:read",
      "flags:evaluate",
      "config:read",
      "blobs:read",
      "blobs:write",
    ]);
    const path = { appId: "shop" };
    unwrap(
      await admin.POST("/v1/apps/{appId}/flags", {
        params: { path },
        body: { key: "new-checkout", type: "bool", defaultValue: false },
      }),
    );
    unwrap(
      await admin.PUT("/v1/apps/{appId}/flags/{key}/rules", {
        params: { path: { ...path, key: "new-checkout" } },
        body: { rules: [{ type: "when_tenant", tenants: ["acme"], value: true }] },
      }),
    );
    unwrap(
      await admin.POST("/v1/apps/{appId}/flags", {
        params: { path },
        body: { key: "theme", type: "string", defaultValue: "light" },
      }),
    );
    unwrap(
      await admin.PUT("/v1/apps/{appId}/flags/{key}/rules", {
        params: { path: { ...path, key: "theme" } },
        body: { rules: [{ type: "when_user", users: ["u-42"], value: "dark" }] },
      }),
    );
    unwrap(
      await admin.PUT("/v1/apps/{appId}/config/{key}", {
        params: { path: { ...path, key: "limits/max-items" } },
        body: { value: 10 },
      }),
    );
    unwrap(
      await admin.PUT("/v1/apps/{appId}/config/{key}/overrides/{tenantId}", {
        params: { path: { ...path, key: "limits/max-items", tenantId: "acme" } },
        body: { value: 50 },
      }),
    );
    unwrap(
      await admin.PUT("/v1/apps/{appId}/blob-policies/{purpose}", {
        params: { path: { ...path, purpose: "invoices" } },
        body: { maxRetentionDays: 30, defaultTtlDays: 7 },
      }),
    );
    process.env.VAULT_URL = server.url;
    process.env.VAULT_API_KEY = key;
    process.env.VAULT_BACKUP_FILE = join(backupDir, "vault-snapshots.json");
  });
  afterAll(async () => {
    for (const name of SETTINGS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await fixture?.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  for (const { file, claims } of EXAMPLES) {
    const blocks = readmeBlocks(readFileSync(join(repoRoot, file), "utf8"), file);
    it(`${file} has ${claims.length} \`\`\`ts block(s) making ${claims.join(" + ")} claims`, () => {
      expect(blocks.length).toBe(claims.length);
    });
    blocks.forEach((block, index) => {
      it(`${file} block ${index + 1} (line ${block.line}) runs and its claims hold`, async () => {
        const result = await runExample(join(import.meta.dirname, ".."), block.code, {
          name: `${file.replaceAll("/", "-")}-${index + 1}`,
          line: block.line,
          file,
        });
        expect(result.claims, "claims in this block").toBe(claims[index]);
      });
    });
  }

  it("the docs' backup file holds the snapshots the client had from the server", () => {
    const backup = JSON.parse(readFileSync(process.env.VAULT_BACKUP_FILE!, "utf8"));
    expect(backup.flags.flags.map((flag: { key: string }) => flag.key)).toEqual(["new-checkout", "theme"]);
  });
});
