import { start } from "./start";

// Entry point of `pnpm start`. Until the HTTP server lands it opens the store, migrates, reports and exits.
const report = await start({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.VAULT_DATA_DIR });
console.log(
  `vault: ${report.driver} store at ${report.location} is ready (${report.migrationsApplied} migrations applied now)`,
);
await report.close();
