// Builds the optional native AES-256-GCM binding (build/Release/vault_aes_gcm.node) at install time. It never fails
// the install: without a C compiler or Node's headers, @vault/crypto uses node:crypto and says so (aesGcmStatus()).
// VAULT_CRYPTO_NATIVE=0 skips the build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const fallback = (why) => {
  console.warn(`@vault/crypto: native AES-256-GCM not built (${why}); node:crypto will be used instead.`);
  process.exit(0);
};
if (process.env.VAULT_CRYPTO_NATIVE === "0") fallback("VAULT_CRYPTO_NATIVE=0");

// The package manager's node-gyp (npm and pnpm set npm_config_node_gyp for scripts), else the one bundled with npm.
const nodeGyp = [
  process.env.npm_config_node_gyp,
  join(dirname(process.execPath), "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"),
].find((candidate) => candidate && existsSync(candidate));
if (!nodeGyp) fallback("node-gyp not found");

// Headers installed beside this Node (official tarballs and distribution packages ship include/node) need no
// download, which matters on machines that reach only a package registry.
const prefix = join(dirname(process.execPath), "..");
const nodedir =
  process.env.npm_config_nodedir ?? (existsSync(join(prefix, "include/node/node_api.h")) ? prefix : undefined);
const args = [nodeGyp, "rebuild", ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
const run = spawnSync(process.execPath, args, { cwd: packageDir, stdio: ["ignore", "ignore", "pipe"] });
if (run.status !== 0) {
  const lines = String(run.stderr ?? "")
    .trim()
    .split("\n");
  fallback(`node-gyp exited with ${run.status}: ${lines.slice(-3).join(" | ")}`);
}
