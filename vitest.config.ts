import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { sourceAliases, workspaces } from "./vitest.workspaces.ts";

const alias = sourceAliases();

// One run over every workspace; each package is a project, so `--project @vault/x` runs one of them.
export default defineConfig({
  resolve: { alias },
  test: {
    // Runs once per run (not per project): names the database and cleans up after it.
    globalSetup: [resolve(import.meta.dirname, "vitest.global-setup.ts")],
    projects: workspaces().map(({ name, dir }) => ({
      resolve: { alias },
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
