import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
