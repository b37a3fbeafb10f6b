import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = import.meta.dirname;

export interface Workspace {
  name: string;
  dir: string;
}

/** Every workspace package (packages/*, apps/*) with its name. */
export function workspaces(): Workspace[] {
  return ["packages", "apps"].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(root, group, name))
      .filter((dir) => existsSync(join(dir, "package.json")))
      .map((dir) => ({ name: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name as string, dir })),
  );
}

/**
 * Tests import workspace packages from source, not from dist: `@vault/x` → `src/index.ts`, and a subpath export
 * `@vault/x/y` → `src/y/index.ts` or `src/y.ts`. Mirrors the `paths` in tsconfig.base.json.
 */
export function sourceAliases(): { find: string | RegExp; replacement: string }[] {
  const aliases: { find: RegExp; replacement: string }[] = [];
  for (const { name, dir } of workspaces()) {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      exports?: Record<string, unknown>;
    };
    for (const subpath of Object.keys(manifest.exports ?? { ".": null })) {
      if (subpath === ".") {
        aliases.push({ find: new RegExp(`^${escapeRegExp(name)}$`), replacement: resolve(dir, "src/index.ts") });
        continue;
      }
      const rel = subpath.replace(/^\.\//, "");
      const asDir = resolve(dir, "src", rel, "index.ts");
      aliases.push({
        find: new RegExp(`^${escapeRegExp(name)}/${escapeRegExp(rel)}$`),
        replacement: existsSync(asDir) ? asDir : resolve(dir, "src", `${rel}.ts`),
      });
    }
  }
  return aliases;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
