import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared";

// The Node entry only (where the built UI lives); `vite build` then writes the UI itself into dist/ui.
export default defineConfig(packageBuild({ index: "src/index.ts" }));
