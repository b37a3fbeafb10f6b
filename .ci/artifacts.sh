#!/usr/bin/env bash
# The packages as users get them: build, `pnpm pack` every workspace package, check the tarballs, install them with
# plain npm into projects outside the workspace and run the smoke scripts of .ci/smoke there, then publint and
# arethetypeswrong on every tarball. Every step runs even after a failure, so that one run names them all; the
# script fails if any did. Needs the npm registry (third-party dependencies) and Postgres at DATABASE_URL
# (default postgres://postgres@127.0.0.1:5432/test) for the postgres.js smokes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

pnpm() { npx --yes pnpm@10.34.8 "$@"; }
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
# Runs a named check; a failure is recorded and reported at the end instead of stopping the script (the status is
# still returned, for the steps that need an earlier one: `run a && run b`, `if run …`).
run() {
  local name=$1
  shift
  local start=$SECONDS
  printf '\n--> %s\n' "$name"
  if "$@"; then
    printf '(%ss)\n' $((SECONDS - start))
    return 0
  fi
  printf '(%ss, failed)\n' $((SECONDS - start))
  failed+=("$name")
  return 1
}

# Turbo's cache makes this a no-op right after CI's build step; standalone it builds what changed.
run "build" pnpm build --output-logs=errors-only

mkdir -p "$work/tarballs"
workspaces=()
for dir in packages/* apps/*; do [ -f "$dir/package.json" ] && workspaces+=("$dir"); done
pack() {
  pnpm --recursive pack --pack-destination "$work/tarballs" > /dev/null || return 1
  ls "$work/tarballs"
  [ "$(ls "$work/tarballs" | wc -l)" -eq ${#workspaces[@]} ] || { echo "expected ${#workspaces[@]} tarballs"; return 1; }
}
run "pack every package" pack
tarball() { ls "$work/tarballs/vault-$1-"*.tgz; }

run "tarball contents" node .ci/smoke/tarballs.mjs "$work/tarballs" LICENSE || true

# A project of its own for `npm install`: the given @vault packages from their tarballs and the given registry
# packages. `overrides` pins every @vault package in the tree to its tarball, so none is ever fetched from the
# registry (where the scope may hold something else).
project() {
  local name=$1 vault=$2 registry=$3
  local dir="$work/$name"
  mkdir -p "$dir"
  cp .ci/smoke/*.mjs "$dir/"
  node -e '
    const [dir, vault, registry, tarballs] = process.argv.slice(1);
    const fs = require("fs");
    const deps = {};
    for (const name of vault.split(" ").filter(Boolean)) {
      const file = fs.readdirSync(tarballs).find((f) => f.startsWith(`vault-${name}-`) && f.endsWith(".tgz"));
      deps[`@vault/${name}`] = `file:${tarballs}/${file}`;
    }
    // Registry packages at the ranges the server (which depends on every one of them) declares.
    const server = JSON.parse(fs.readFileSync("apps/server/package.json", "utf8")).dependencies;
    for (const name of registry.split(" ").filter(Boolean)) deps[name] = server[name];
    const overrides = Object.fromEntries(Object.keys(deps).filter((n) => n.startsWith("@vault/")).map((n) => [n, `$${n}`]));
    const manifest = { name: `vault-smoke-${require("path").basename(dir)}`, private: true, type: "module", dependencies: deps, overrides };
    fs.writeFileSync(`${dir}/package.json`, JSON.stringify(manifest, null, 2));
  ' "$dir" "$vault" "$registry" "$work/tarballs"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error > "$dir/npm-install.log" 2>&1) || {
    cat "$dir/npm-install.log"
    return 1
  }
}

# Runs a smoke script inside its project (so that it resolves the project's node_modules).
smoke() {
  local dir="$work/$1"
  shift
  (cd "$dir" && node "$@")
}

libraries=()
for dir in packages/*; do [ -f "$dir/package.json" ] && libraries+=("$(basename "$dir")"); done

if [ -d packages/engine ]; then
  if run "install: @vault/engine alone" project engine-only "engine" ""; then
    run "smoke: engine only" smoke engine-only engine.mjs || true
  fi
else
  printf '\n--> smoke: engine only\nSKIPPED: packages/engine does not exist on this branch yet (@vault/engine is being extracted)\n'
fi

if run "install: every library package, drizzle-orm, zod and both drivers" \
  project services "${libraries[*]}" "drizzle-orm zod postgres @electric-sql/pglite"; then
  run "smoke: services on drizzle(new PGlite())" smoke services services.mjs pglite || true
  run "smoke: services on drizzle(postgres(url))" smoke services services.mjs postgres || true
  run "smoke: @vault/store/testing with the services" smoke services testing.mjs || true
fi

if run "install: @vault/store with postgres.js only" project one-driver "core crypto store secret" "drizzle-orm zod postgres"; then
  run "smoke: @vault/store with postgres.js only" smoke one-driver one-driver.mjs || true
fi

for dir in "${workspaces[@]}"; do
  name=$(node -p 'require(process.argv[1]).name.slice("@vault/".length)' "$root/$dir/package.json")
  run "publint --strict: @vault/$name" npx publint run "$(tarball "$name")" --strict || true
  run "attw --profile esm-only: @vault/$name" npx attw "$(tarball "$name")" --profile esm-only --format ascii || true
done

printf '\n'
if [ ${#failed[@]} -gt 0 ]; then
  printf 'artifacts: %d failed (%ss):\n' "${#failed[@]}" "$SECONDS"
  printf -- '- %s\n' "${failed[@]}"
  exit 1
fi
echo "artifacts: every check passed (${SECONDS}s)"
