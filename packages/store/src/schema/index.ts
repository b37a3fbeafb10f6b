// One file per subsystem; each later issue adds its own and re-exports it here (one migration history).
export * from "./apps";
export * from "./changes";
