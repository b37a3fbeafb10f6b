import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { workspaces } from "./vitest.workspaces.ts";

// Workspace packages resolve to their sources through the `@vault/source` export condition (see any package.json),
// so tests never need a build. The rest are Vitest's own defaults for Node ("module" left out, as Vitest does).
const conditions = ["@vault/source", "node", "development|production"];
const sources = { resolve: { conditions }, ssr: { resolve: { conditions } } };

// One run over every workspace; each package is a project, so `--project @vault/x` runs one of them.
export default defineConfig({
  ...sources,
  test: {
    // Runs once per run (not per project): names the database and cleans up after it.
    globalSetup: [resolve(import.meta.dirname, "vitest.global-setup.ts")],
    projects: workspaces().map(({ name, dir }) => ({
      ...sources,
      test: {
        name,
        root: dir,
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        testTimeout: 30_000,
        hookTimeout: 120_000,
      },
    })),
  },
});
