import { randomUUID } from "node:crypto";
import fastifyCompress from "@fastify/compress";
import fastifyRateLimit from "@fastify/rate-limit";
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
import { useByteBodies } from "./bytes-body";
import { DenialAudit } from "./denials";
import { toErrorAnswer } from "./errors";
import { useJsonBodies } from "./json-body";
import { deniedRequestsCounter, httpMetricsHook } from "./metrics";
import { isOfrepRequest, toOfrepError } from "./ofrep/errors";
import { useOpenApi } from "./openapi";
import { type RouteDef, registerRoute } from "./route";
import { allRoutes } from "./routes/index";
import { StreamHub, type StreamHubOptions } from "./stream/hub";
import { StreamKeyWatch, type StreamKeyWatchOptions } from "./stream/key-watch";
import { type UiOption, useAdminUi } from "./ui";

declare module "fastify" {
  interface FastifyInstance {
    /** Where refused requests are audited (summaries of repeated ones are written when their window ends). */
    denialAudit: DenialAudit;
    /** The live event streams (GET /v1/apps/:appId/stream). */
    streamHub: StreamHub;
    /** The API key behind each open stream: a revoked key's streams are ended. */
    streamKeys: StreamKeyWatch;
  }
}

export interface BuildServerOptions {
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Log one line per answered request (default false: errors and denials are always logged). */
  accessLog?: boolean;
  /**
   * Failed authentications a source (client IP) may make per window before its requests without a valid key are
   * refused with 429 (default 30 per 60 s).
   */
  failedAuth?: { max: number; windowMs: number };
  /** Denials from one source, app, reason and route are audited once per window, the rest as one summary (60 s). */
  denialAuditWindowMs?: number;
  /** Trust `X-Forwarded-For` from a reverse proxy for the client's IP (Fastify's `trustProxy`). Default false. */
  trustProxy?: boolean | string;
  /** When set, `/metrics` needs `Authorization: Bearer <this token>`. */
  metricsToken?: string;
  /**
   * How long a request may take, from routing to the answer, before it is answered 503 UNAVAILABLE (default 5000 ms;
   * a few routes allow longer). A database that hangs then costs callers a bounded wait, never a hang.
   */
  requestTimeoutMs?: number;
  /** Event streams: heartbeat interval, the unread bytes a client may leave before it is dropped, timers (tests). */
  stream?: StreamHubOptions;
  /** How often open streams' keys are checked for a revocation made through another instance; timers (tests). */
  streamKeys?: StreamKeyWatchOptions;
  /** Extra routes (tests). */
  routes?: RouteDef[];
  /** Where the admin UI's built files are (default: the `@vault/web` package's build); false serves no UI. */
  ui?: UiOption;
}

/** A caller's `x-request-id` is kept when it is harmless, so logs and audit entries can be correlated with theirs. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Longest path parameter the router accepts (a 256-character key, percent-encoded, fits). Longer → 400. */
const MAX_PARAM_LENGTH = 1024;

/** Answers smaller than this are sent uncompressed (compressing them costs more than it saves). */
const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * The HTTP API over a {@link Vault}: every route under /v1 plus /health, /ready, /metrics, /openapi.json and the admin
 * UI at /ui. Usable with `inject` (no port). Every answer that is not a success, Fastify's own included, is the error
 * envelope.
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
    trustProxy: options.trustProxy ?? false,
    handlerTimeout: options.requestTimeoutMs ?? 5_000,
    // Bad percent-encoding and over-long path parameters are refused by the router, before any route runs.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("auth", undefined);
  useJsonBodies(app);
  useByteBodies(app);
  await app.register(fastifyCompress, { threshold: COMPRESS_THRESHOLD_BYTES });
  await useOpenApi(app, { version: "1" });
  // Only failed authentication is limited (per source, in the auth hook); routes themselves are not.
  await app.register(fastifyRateLimit, { global: false });
  const failedAuth = options.failedAuth ?? { max: 30, windowMs: 60_000 };
  const denials = new DenialAudit({
    db: vault.db,
    audit: vault.audit,
    clock: vault.clock,
    windowMs: options.denialAuditWindowMs ?? 60_000,
    log: app.log,
  });
  app.decorate("denialAudit", denials);
  app.addHook("onClose", () => denials.close());
  const streams = new StreamHub(vault, app.log, options.stream);
  app.decorate("streamHub", streams);
  // Before the server waits for in-flight requests: open streams would hold shutdown until its timeout.
  app.addHook("preClose", () => streams.close());
  const streamKeys = new StreamKeyWatch(vault, app.log, options.streamKeys);
  app.decorate("streamKeys", streamKeys);
  app.addHook("onClose", () => streamKeys.close());

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook(
    "onRequest",
    authenticationHook({
      vault,
      limitFailures: app.createRateLimit({ max: failedAuth.max, timeWindow: failedAuth.windowMs }),
      denials,
      deniedTotal: deniedRequestsCounter(vault.metrics.registry),
      metricsToken: options.metricsToken,
    }),
  );
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
  await useAdminUi(app, options.ui);
  return app;
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = toErrorAnswer(error, request.id);
  if (answer.internal) request.log.error({ err: error }, "request failed");
  else request.log.debug({ code: answer.body.error.code }, "request refused");
  const body = isOfrepRequest(request) ? toOfrepError(answer, request) : answer.body;
  return reply.code(answer.status).header("x-request-id", request.id).send(body);
}
