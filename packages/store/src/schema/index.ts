// One file per subsystem, all re-exported here so drizzle-kit keeps one migration history.
export * from "./apps";
export * from "./audit";
export * from "./auth";
export * from "./blob";
export * from "./changes";
export * from "./config";
export * from "./events";
export * from "./flag";
export * from "./override";
export * from "./rotation";
export * from "./secret";
export * from "./token";
export * from "./webhook";
