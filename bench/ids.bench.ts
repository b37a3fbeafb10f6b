import { randomUUID } from "node:crypto";
import { newId, parseId } from "@vault/core";
import { compare } from "./lib";

// IDs are minted on every write: generating one should cost about what a bare UUID does.
const sample = newId("secret");
await compare({
  title: "ID generation and parsing (typeid, UUIDv7)",
  baseline: { name: "crypto.randomUUID()", fn: () => randomUUID() },
  cases: [
    { name: "newId('secret')", fn: () => newId("secret") },
    { name: "parseId('secret', id)", fn: () => parseId("secret", sample) },
  ],
});
