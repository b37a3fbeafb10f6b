import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// DESIGN §2: the engine pulls in nothing — no package of ours, no database driver, Drizzle or zod, no Node built-in —
// so a service or @vault/client that only evaluates installs kilobytes and runs anywhere JavaScript does.

const root = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module specifier a file names: static imports and re-exports, dynamic imports, require calls. */
function specifiers(source: string): string[] {
  return [
    ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm),
    ...source.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g),
    ...source.matchAll(/\brequire\s*\(\s*["']([^"']+)["']/g),
  ].map((m) => m[1] as string);
}

/** The source without comments and string contents, so a word in a doc comment or a message is not mistaken for code. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
}

describe("engine isolation", () => {
  it("package.json declares no runtime dependency of any kind", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
      expect(manifest[field], `package.json has ${field}`).toBeUndefined();
    }
  });

  it("every file under src imports only relative paths", () => {
    const files = sourceFiles(join(root, "src"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const specifier of specifiers(readFileSync(file, "utf8"))) {
        expect(specifier, `${relative(root, file)} imports ${specifier}`).toMatch(/^\.\.?\//);
      }
    }
  });

  it("no file under src uses a Node-only global", () => {
    for (const file of sourceFiles(join(root, "src"))) {
      const found = code(readFileSync(file, "utf8")).match(
        /\b(?:Buffer|process|require|__dirname|__filename|global)\b/,
      );
      expect(found?.[0], `${relative(root, file)} uses ${found?.[0]}`).toBeUndefined();
    }
  });

  it("the checks above catch what they are meant to", () => {
    expect(specifiers('import { z } from "zod";\nexport * from "./a";\nimport "node:fs";')).toEqual([
      "zod",
      "./a",
      "node:fs",
    ]);
    expect(specifiers('const m = await import("@vault/core");')).toEqual(["@vault/core"]);
    expect(code('// Buffer\nconst s = "process";\n/* require */ x;')).not.toMatch(/Buffer|process|require/);
    expect(code("Buffer.byteLength(s)")).toMatch(/Buffer/);
  });
});
