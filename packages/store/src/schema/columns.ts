import { customType, timestamp } from "drizzle-orm/pg-core";

/** UTC timestamps as `timestamptz`, read back as `Date`. */
export const utc = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Ciphertext and other raw bytes as `bytea`, read back as a Node Buffer on both drivers. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
