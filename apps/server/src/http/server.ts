import { randomUUID } from "node:crypto";
import fastifyCompress from "@fastify/compress";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Vault } from "../vault";
import { authenticationHook } from "./auth";
import { toErrorAnswer } from "./errors";
import { useJsonBodies } from "./json-body";
import { httpMetricsHook } from "./metrics";
import { useOpenApi } from "./openapi";
import { type RouteDef, registerRoute } from "./route";
import { allRoutes } from "./routes/index";

export interface BuildServerOptions {
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Log one line per answered request (default false: errors and denials are always logged). */
  accessLog?: boolean;
  /** Extra routes (tests). */
  routes?: RouteDef[];
}

/** A caller's `x-request-id` is kept when it is harmless, so logs and audit entries can be correlated with theirs. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Longest path parameter the router accepts (a 256-character key, percent-encoded, fits). Longer → 400. */
const MAX_PARAM_LENGTH = 1024;

/** Answers smaller than this are sent uncompressed (compressing them costs more than it saves). */
const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * The HTTP API over a {@link Vault}: every route under /v1 plus /health, /ready, /metrics and /openapi.json. Usable
 * with `inject` (no port). Every answer that is not a success, Fastify's own included, is the error envelope.
 */
export async function buildServer(vault: Vault, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: vault.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: !(options.accessLog ?? false) }),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && CALLER_REQUEST_ID.test(given) ? given : `req_${randomUUID()}`;
    },
    requestIdHeader: false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    return503OnClosing: true,
    // Bad percent-encoding and over-long path parameters are refused by the router, before any route runs.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("auth", undefined);
  useJsonBodies(app);
  await app.register(fastifyCompress, { threshold: COMPRESS_THRESHOLD_BYTES });
  await useOpenApi(app, { version: "1" });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onRequest", authenticationHook(vault));
  app.addHook("onResponse", httpMetricsHook(vault.metrics.registry));
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const path = (request.url.split("?")[0] ?? "").slice(0, 200);
    return reply
      .code(404)
      .header("x-request-id", request.id)
      .send({
        error: {
          code: "NOT_FOUND",
          message: `no route ${request.method} ${path}`,
          details: { method: request.method },
          requestId: request.id,
        },
      });
  });

  const routes = [...allRoutes(), ...(options.routes ?? [])];
  // An explicit HEAD route must exist before its GET, or Fastify adds one that runs the GET handler.
  for (const def of routes.filter((r) => r.method === "HEAD")) registerRoute(app, vault, def);
  for (const def of routes.filter((r) => r.method !== "HEAD")) registerRoute(app, vault, def);
  return app;
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = toErrorAnswer(error, request.id);
  if (answer.internal) request.log.error({ err: error }, "request failed");
  else request.log.debug({ code: answer.body.error.code }, "request refused");
  return reply.code(answer.status).header("x-request-id", request.id).send(answer.body);
}
