import { findTooDeep, MAX_JSON_DEPTH, VaultError } from "@vault/core";
import type { FastifyInstance } from "fastify";

/**
 * The server's JSON body parser: Fastify's own (secure-json-parse, prototype poisoning refused), plus two rules.
 * - An empty body is no body: a POST or DELETE that takes none may still say `content-type: application/json`.
 * - JSON may nest at most MAX_JSON_DEPTH levels. Validation, storage and hashing all walk values recursively, so a
 *   body nested thousands of levels deep is refused here, once, with the field it is in.
 * Every other media type is refused with 415 (Fastify's default `text/plain` parser is removed): routes take JSON.
 */
export function useJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === "") {
      done(null, undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) {
        done(error, undefined);
        return;
      }
      const tooDeep = findTooDeep(value);
      if (tooDeep === undefined) {
        done(null, value);
        return;
      }
      const field = ["body", ...tooDeep.slice(0, 3)].join(".");
      done(
        new VaultError("VALIDATION", `${field}: JSON nested deeper than ${MAX_JSON_DEPTH} levels`, {
          details: { field, maxDepth: MAX_JSON_DEPTH },
        }),
        undefined,
      );
    });
  });
}
