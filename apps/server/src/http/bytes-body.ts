import { VaultError } from "@vault/core";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/**
 * `application/octet-stream` bodies, for the routes that take raw bytes (blob writes) and only for them: Fastify reads
 * the body into a Buffer (within the route's body limit), and the route's `bytesBody` makes it, with the request's
 * headers, into the body object its schema validates — so bytes and JSON go through one validation and one handler.
 * Every other route answers 415, as for any other media type it does not take.
 */
export function useByteBodies(app: FastifyInstance): void {
  app.addContentTypeParser("application/octet-stream", { parseAs: "buffer" }, (request, body, done) => {
    const make = request.routeOptions.config.bytesBody;
    if (make === undefined) {
      done(
        new VaultError("UNSUPPORTED_MEDIA_TYPE", "content-type: this route takes application/json, not bytes", {
          details: { field: "content-type" },
        }),
        undefined,
      );
      return;
    }
    try {
      done(null, make(body as Buffer, request.headers));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * The OpenAPI transform of a route that takes bytes (its `swaggerTransform`): the usual zod transform, then the request
 * body documented per media type — the route's JSON schema for application/json, binary for application/octet-stream
 * (the headers it reads are documented with the route's headers).
 */
export const bytesBodyOpenApi: typeof jsonSchemaTransform = (document) => {
  const result = jsonSchemaTransform(document);
  const schema = result.schema as Record<string, unknown> | undefined;
  if (schema?.body === undefined) return result;
  return {
    ...result,
    schema: {
      ...schema,
      body: {
        content: {
          "application/json": { schema: schema.body },
          "application/octet-stream": { schema: { type: "string", format: "binary" } },
        },
      },
    },
  };
};
