import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { start } from "../src/index";

describe("start on the embedded default", () => {
  it("creates a PGlite store in the data directory, migrates it once, and reopens it with nothing to apply", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vault-start-"));
    try {
      const first = await start({ dataDir });
      expect(first.driver).toBe("pglite");
      expect(first.migrationsApplied).toBeGreaterThan(0);
      await first.close();
      const second = await start({ dataDir });
      expect(second.migrationsApplied).toBe(0);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
