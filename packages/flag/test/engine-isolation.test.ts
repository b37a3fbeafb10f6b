import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// DESIGN §2: the engine imports nothing that touches a database, so @vault/client and services can use it alone.
describe("engine isolation", () => {
  it("src/engine imports only its own files", () => {
    const dir = join(import.meta.dirname, "../src/engine");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      const specifiers = [
        ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm),
        ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g),
        ...source.matchAll(/\brequire\s*\(\s*["']([^"']+)["']/g),
      ].map((m) => m[1]);
      for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\//);
    }
  });
});
