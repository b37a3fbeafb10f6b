import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { openApiDocument } from "../src/http/openapi-document";

/** The checked-in types of `@vault/client`'s HTTP client (generated: never edit by hand). */
export const CLIENT_TYPES_FILE = resolve(import.meta.dirname, "../../../packages/client/src/generated/openapi.ts");

const HEADER = `// Generated from the server's OpenAPI document by \`pnpm generate:client\`: do not edit.
// apps/server/test/client-types.test.ts fails when this file and the server's routes disagree.

/** Any JSON value (the document's recursive JsonValue schemas, as one alias TypeScript accepts). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
`;

/**
 * The recursive JSON schemas become the alias above: as generated (`components["schemas"]["JsonValue"]` inside its
 * own definition) TypeScript refuses them as circular.
 */
const JSON_SCHEMAS = /#\/components\/schemas\/JsonValue(Input)?$/;

/**
 * An application/octet-stream body or answer as a whole (not the `data` field of the JSON form, whose schema also
 * names bytes because the route's one schema validates both forms: in JSON it is base64 text).
 */
const OCTET_STREAM = /\/content\/application~1octet-stream$/;

/** The TypeScript types (`paths`, `components`, `operations`) of the server's current OpenAPI document. */
export async function renderClientTypes(): Promise<string> {
  const document = await openApiDocument();
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript types its input as its own OpenAPI3 interface
  const ast = await openapiTS(document as any, {
    alphabetize: true,
    transform: (schema, { path }) => {
      if (path && JSON_SCHEMAS.test(path)) return ts.factory.createTypeReferenceNode("JsonValue");
      // Raw bytes (a blob's octet-stream body and answer) are a Blob, what fetch sends and `parseAs: "blob"` gives;
      // openapi-typescript's default `string` would make every binary upload a cast. (openapi-ts.dev's advice.)
      if (schema.format === "binary" && path && OCTET_STREAM.test(path))
        return ts.factory.createTypeReferenceNode("Blob");
      return undefined;
    },
  });
  return `${HEADER}\n${astToString(ast)}`;
}

/** What is checked in now (empty when the file is missing). */
export async function checkedInClientTypes(): Promise<string> {
  return readFile(CLIENT_TYPES_FILE, "utf8").catch(() => "");
}
