// @vault/flag: the pure engine (also at `@vault/flag/engine`) and the flag service.
export * from "./engine/index";
