import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.shared";

// Two entries: `@vault/client/api` is the typed HTTP client alone, safe in a browser (no Node built-ins); the main
// entry adds the live flag and config client.
export default defineConfig(packageBuild(["src/index.ts", "src/api.ts"]));
