// @vault/openfeature: an OpenFeature server provider over @vault/client's live, local evaluation.
export { VaultProvider } from "./provider";
