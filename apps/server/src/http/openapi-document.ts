import { openDatabase } from "@vault/store";
import type { OpenAPIV3_1 } from "openapi-types";
import pino from "pino";
import { createVault } from "../vault";
import { buildServer } from "./server";

/**
 * The OpenAPI document the server serves at /openapi.json, built without listening on a port and without a stored
 * database (an empty in-memory one: the document depends only on the routes). What `@vault/client`'s types are
 * generated from.
 */
export async function openApiDocument(): Promise<OpenAPIV3_1.Document> {
  const database = await openDatabase();
  const vault = await createVault({
    database,
    migrate: false,
    logger: pino({ level: "silent" }),
    defaultMetrics: false,
  });
  try {
    const server = await buildServer(vault);
    try {
      await server.ready();
      return structuredClone(server.swagger()) as OpenAPIV3_1.Document;
    } finally {
      await server.close();
    }
  } finally {
    await vault.close();
    await database.close();
  }
}
