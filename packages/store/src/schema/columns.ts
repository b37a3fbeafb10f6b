import { customType, timestamp } from "drizzle-orm/pg-core";

/** UTC timestamps as `timestamptz`, read back as `Date`. */
export const utc = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Ciphertext and other raw bytes as `bytea`, read back as a Node Buffer on both drivers. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Any JSON value as `jsonb`, read back exactly. Drizzle's `jsonb()` JSON-parses strings a second time after the
 * driver (postgres.js and PGlite both parse jsonb already), so the string value `'{"a":1}'` would come back as an
 * object and `"123"` as a number; config and flag values are often such strings.
 */
export const jsonValue = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});
