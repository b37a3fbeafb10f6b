// Checks what no compiler checks about the workspace's manifests and project references, without building:
// - every package is publishable as DESIGN §8 and the issue say (fields, exports, files, engines, licence);
// - the published exports map (publishConfig.exports) is the workspace one minus the `@vault/source` condition;
// - drizzle-orm, zod and the drivers are peers of the library packages that import them, never dependencies;
// - each tsconfig references exactly the workspace packages its package.json depends on, and the root references all.
//   tsc does not catch a missing reference: it silently re-checks the other package from source.
// Prints every problem and exits 1 if there is one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const SOURCE = "@vault/source";
const PEERS = ["drizzle-orm", "zod", "postgres", "@electric-sql/pglite"];
const OPTIONAL_PEERS = ["postgres", "@electric-sql/pglite"];
const problems = [];
const json = (path) => JSON.parse(readFileSync(path, "utf8"));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const workspaces = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(root, group))
    .map((name) => join(root, group, name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, rel: relative(root, dir), manifest: json(join(dir, "package.json")) })),
);
const byName = new Map(workspaces.map((w) => [w.manifest.name, w]));

if (!existsSync(join(root, "LICENSE")))
  problems.push("LICENSE: missing at the root (pnpm pack copies it into tarballs)");
const rootRefs = new Set((json(join(root, "tsconfig.json")).references ?? []).map((r) => resolve(root, r.path)));

/** Bare specifiers the package's own sources import (tests excluded), e.g. "drizzle-orm" for "drizzle-orm/pg-core". */
function importedPackages(dir) {
  const found = new Set();
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const text = readFileSync(full, "utf8");
        for (const [, spec] of text.matchAll(/(?:from|import\()\s*"([^".][^"]*)"/g)) {
          const parts = spec.split("/");
          found.add(spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
        }
      }
    }
  };
  if (existsSync(join(dir, "src"))) walk(join(dir, "src"));
  return found;
}

for (const { dir, rel, manifest: m } of workspaces) {
  const bad = (message) => problems.push(`${rel}/package.json: ${message}`);
  if (!m.name?.startsWith("@vault/")) bad(`name ${m.name} is not @vault/*`);
  if (m.private) bad("private: every workspace package is published");
  if (m.type !== "module") bad('type must be "module"');
  if (m.sideEffects !== false) bad("sideEffects must be false");
  if (m.license !== "MIT") bad('license must be "MIT"');
  if (m.engines?.node !== ">=20.19") bad('engines.node must be ">=20.19"');
  if (m.publishConfig?.access !== "public") bad('publishConfig.access must be "public"');
  if (m.repository?.directory !== rel) bad(`repository.directory must be "${rel}"`);
  if (!m.repository?.url) bad("repository.url missing");
  for (const file of ["dist", "README.md", "LICENSE"]) {
    if (!m.files?.includes(file)) bad(`files must include ${file}`);
  }
  if (!existsSync(join(dir, "README.md"))) bad("README.md missing");

  // Exports: the workspace map puts the source condition first (TypeScript, Vitest and tsx pick the first match);
  // the published map is the same without it, types first, import and default on the same .js.
  if (!m.exports || typeof m.exports !== "object") bad("exports map missing");
  const published = {};
  for (const [subpath, target] of Object.entries(m.exports ?? {})) {
    const at = `exports["${subpath}"]`;
    if (!same(Object.keys(target ?? {}), [SOURCE, "types", "import", "default"])) {
      bad(`${at} must have exactly the conditions ${SOURCE}, types, import, default, in that order`);
      continue;
    }
    if (!existsSync(join(dir, target[SOURCE]))) bad(`${at}["${SOURCE}"] ${target[SOURCE]} does not exist`);
    if (!/^\.\/dist\/.*\.d\.ts$/.test(target.types)) bad(`${at}.types must be a .d.ts under dist/`);
    if (!/^\.\/dist\/.*\.js$/.test(target.import)) bad(`${at}.import must be a .js under dist/`);
    if (target.default !== target.import) bad(`${at}.default must be the same file as import (ESM only)`);
    const { [SOURCE]: _source, ...rest } = target;
    published[subpath] = rest;
  }
  if (!same(m.publishConfig?.exports, published)) {
    bad(`publishConfig.exports must equal exports without "${SOURCE}":\n${JSON.stringify(published, null, 2)}`);
  }

  // Dependencies the user brings: peers (and devDependencies, so the workspace builds and tests).
  const imported = importedPackages(dir);
  const isLibrary = rel.startsWith("packages/");
  // The admin UI is a browser bundle that speaks only the HTTP API: no driver, Drizzle or zod of the server's.
  const isBrowserApp = rel === "apps/web";
  for (const name of PEERS) {
    const inDeps = m.dependencies?.[name];
    if (isBrowserApp) {
      if (inDeps || imported.has(name))
        bad(`${name}: the admin UI must not depend on it (it speaks the HTTP API only)`);
      continue;
    }
    if (!isLibrary) {
      if (!inDeps) bad(`${name} must be a dependency (the server brings every driver)`);
      continue;
    }
    if (inDeps) bad(`${name} must not be a dependency of a library: make it a peer dependency`);
    const peer = m.peerDependencies?.[name];
    if (imported.has(name) && !peer) bad(`src imports ${name}: it must be a peer dependency`);
    if (!imported.has(name) && peer) bad(`${name} is a peer dependency but src does not import it`);
    if (peer && m.devDependencies?.[name] !== peer) bad(`${name}: devDependencies must carry the peer range ${peer}`);
    const optional = m.peerDependenciesMeta?.[name]?.optional === true;
    if (peer && OPTIONAL_PEERS.includes(name) !== optional) {
      bad(`${name} must ${optional ? "not " : ""}be an optional peer (peerDependenciesMeta)`);
    }
  }

  // Project references mirror the workspace dependency graph (src and tests).
  const tsconfigPath = join(dir, "tsconfig.json");
  if (!existsSync(tsconfigPath)) {
    problems.push(`${rel}/tsconfig.json: missing`);
    continue;
  }
  const tsconfig = json(tsconfigPath);
  const wanted = new Set(
    Object.keys({ ...m.dependencies, ...m.devDependencies, ...m.peerDependencies })
      .filter((name) => name.startsWith("@vault/") && name !== m.name)
      .map((name) => {
        const target = byName.get(name);
        if (!target) bad(`depends on ${name}, which is not a workspace package`);
        return target?.dir;
      })
      .filter(Boolean),
  );
  const actual = new Set((tsconfig.references ?? []).map((r) => resolve(dir, r.path)));
  for (const want of wanted) {
    if (!actual.has(want)) problems.push(`${rel}/tsconfig.json: references must include ${relative(dir, want)}`);
  }
  for (const have of actual) {
    if (!wanted.has(have)) {
      problems.push(`${rel}/tsconfig.json: references ${relative(dir, have)}, which package.json does not depend on`);
    }
  }
  if (tsconfig.extends !== "../../tsconfig.base.json") problems.push(`${rel}/tsconfig.json: must extend the base`);
  if (!rootRefs.has(dir)) problems.push(`tsconfig.json: references must include ${rel}`);
}

if (problems.length > 0) {
  console.error(
    `${problems.length} problem(s) in the workspace's manifests and tsconfigs:\n- ${problems.join("\n- ")}`,
  );
  process.exit(1);
}
console.log(`${workspaces.length} packages: manifests and project references check out`);
