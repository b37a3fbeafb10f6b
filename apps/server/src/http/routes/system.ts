import { z } from "zod";
import { defineRoute, type RouteDef } from "../route";

const readiness = z.object({
  status: z.enum(["ready", "unavailable"]),
  database: z.boolean(),
  pendingMigrations: z.number().int().nullable(),
});

/** Liveness, readiness, metrics and the API document: public, unauthenticated, outside /v1. */
export function systemRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      url: "/health",
      operationId: "health",
      summary: "Liveness: the process is up and serving.",
      tag: "operations",
      auth: { kind: "public" },
      response: z.object({ status: z.literal("ok") }),
      handler: async () => ({ status: "ok" }),
    }),
    defineRoute({
      method: "GET",
      url: "/ready",
      operationId: "ready",
      summary: "Readiness: the database answers and every migration is applied (503 otherwise).",
      tag: "operations",
      auth: { kind: "public" },
      response: readiness,
      otherResponses: { 503: readiness.describe("Not ready: the same body, with status unavailable.") },
      handler: async ({ vault, reply }) => {
        const check = await vault.readiness();
        const ready = check.database && check.pendingMigrations === 0;
        return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", ...check });
      },
    }),
    defineRoute({
      method: "GET",
      url: "/metrics",
      operationId: "metrics",
      summary:
        "Prometheus metrics (text exposition format). Public unless the server has a metrics token (VAULT_METRICS_TOKEN): then `Authorization: Bearer <token>`.",
      tag: "operations",
      auth: { kind: "metrics" },
      response: z.string(),
      produces: "text/plain",
      handler: async ({ vault, reply }) => {
        const body = await vault.metrics.registry.metrics();
        return reply.header("content-type", vault.metrics.registry.contentType).send(body);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/openapi.json",
      operationId: "openapi",
      summary: "This API's OpenAPI 3.1 document.",
      tag: "operations",
      auth: { kind: "public" },
      response: z.record(z.string(), z.unknown()),
      handler: async ({ request }) => request.server.swagger(),
    }),
  ];
}
