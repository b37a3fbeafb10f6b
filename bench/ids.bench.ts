import { randomUUID } from "node:crypto";
import { newId, parseId } from "@vault/core";
import { compare } from "./lib";

// What an ID costs now that typeid-js mints (newId) and parses (parseId) them: every write and every audited read
// mints one. The baseline is a bare random UUID from node:crypto, measured in the same run.
const sample = newId("secret");
await compare({
  title: "ID minting and parsing through typeid-js (UUIDv7)",
  baseline: { name: "crypto.randomUUID()", fn: () => randomUUID() },
  cases: [
    { name: "newId('secret') (typeid-js)", fn: () => newId("secret") },
    { name: "parseId('secret', id) (typeid-js)", fn: () => parseId("secret", sample) },
  ],
});
