// What every packed tarball must hold, and what it must not (usage: tarballs.mjs <dir of .tgz> <LICENSE to match>):
// - LICENSE identical to the root one (pnpm pack copies the root LICENSE in), README.md;
// - a manifest without workspace-only parts: no `workspace:` ranges, no `@vault/source` condition;
// - no sources, tests or tsc --build output;
// - one copy of each module: no source file in the sourcemaps of two bundles of one package (tsup splitting).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const [dir, licensePath] = process.argv.slice(2);
const license = readFileSync(licensePath, "utf8");
const problems = [];
const tarballs = readdirSync(dir).filter((f) => f.endsWith(".tgz"));
if (tarballs.length === 0) problems.push(`no tarballs in ${dir}`);

const walk = (path) =>
  readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(path, e.name)) : [join(path, e.name)],
  );

for (const tarball of tarballs) {
  const out = mkdtempSync(join(tmpdir(), "vault-tarball-"));
  try {
    execFileSync("tar", ["xzf", join(dir, tarball), "-C", out]);
    const pkg = join(out, "package");
    const files = walk(pkg).map((f) => relative(pkg, f));
    const bad = (message) => problems.push(`${tarball}: ${message}`);
    let text = "";
    try {
      text = readFileSync(join(pkg, "LICENSE"), "utf8");
    } catch {
      bad("no LICENSE");
    }
    if (text && text !== license) bad("LICENSE differs from the root LICENSE");
    if (!files.includes("README.md")) bad("no README.md");
    const manifest = readFileSync(join(pkg, "package.json"), "utf8");
    if (manifest.includes("workspace:")) bad("package.json still has workspace: ranges");
    if (manifest.includes("@vault/source")) bad("package.json still has the @vault/source condition");
    for (const file of files) {
      if (/^(src|test|\.tsbuild)\//.test(file) || /\.test\.[jt]s$/.test(file)) bad(`ships ${file}`);
    }
    const owner = new Map();
    for (const map of files.filter((f) => f.endsWith(".js.map"))) {
      const { sources = [] } = JSON.parse(readFileSync(join(pkg, map), "utf8"));
      for (const source of sources) {
        const key = resolve(dirname(join(pkg, map)), source);
        if (owner.has(key)) bad(`${relative(pkg, key)} is bundled twice: in ${owner.get(key)} and ${map}`);
        else owner.set(key, map);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (problems.length > 0) {
  console.log(`tarballs: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`tarballs: ${tarballs.length} checked (LICENSE, README, manifest, contents, one copy of each module)`);
