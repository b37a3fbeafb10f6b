import { defineConfig } from "drizzle-kit";

// One migration history for every subsystem: each schema/<subsystem>.ts is re-exported from schema/index.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
});
