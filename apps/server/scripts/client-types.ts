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

/** The TypeScript types (`paths`, `components`, `operations`) of the server's current OpenAPI document. */
export async function renderClientTypes(): Promise<string> {
  const document = await openApiDocument();
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript types its input as its own OpenAPI3 interface
  const ast = await openapiTS(document as any, {
    alphabetize: true,
    transform: (_schema, { path }) =>
      path && JSON_SCHEMAS.test(path) ? ts.factory.createTypeReferenceNode("JsonValue") : undefined,
  });
  return `${HEADER}\n${astToString(ast)}`;
}

/** What is checked in now (empty when the file is missing). */
export async function checkedInClientTypes(): Promise<string> {
  return readFile(CLIENT_TYPES_FILE, "utf8").catch(() => "");
}
