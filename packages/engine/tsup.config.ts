import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared";

// The engine is what services embed: its install stays small (under 200 KB with nothing else, checked in CI), so it
// ships without a source map — the unminified output reads like its source.
export default defineConfig({ ...packageBuild(["src/index.ts"]), sourcemap: false });
