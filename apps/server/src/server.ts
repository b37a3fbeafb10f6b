import { randomBytes } from "node:crypto";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, LogController } from "fastify";
import type { Logger } from "pino";
import { toErrorAnswer } from "./http/errors";
import { elapsedMs, markReceived } from "./http/metrics";
import { type RouteDef, routeHandler } from "./http/route";
import { RequestLogger } from "./logger";
import { allRoutes } from "./routes/index";
import type { Vault } from "./vault";

export interface BuildServerOptions {
  /** Check every success body against its response schema (tests; costs a JSON round trip). Default false. */
  validateResponses?: boolean;
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Extra routes (tests). */
  routes?: RouteDef[];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

// Request ids: a random per-process prefix and a counter. Unique enough to correlate logs and audit entries across
// instances, and a counter costs nothing per request (ids are labels, not secrets: nothing relies on guessing them).
const requestIdPrefix = `req_${randomBytes(8).toString("hex")}`;
let requestCounter = 0;
function nextRequestId(): string {
  requestCounter += 1;
  return `${requestIdPrefix}-${requestCounter.toString(36)}`;
}

/**
 * The HTTP API over a {@link Vault}: every route under /v1 plus /health, /ready, /metrics and /openapi.json. Usable
 * with `inject` (no port). Errors of any kind leave through one envelope, mapped once here.
 */
export async function buildServer(vault: Vault, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  // Fastify's request logging costs every request a child logger and two listeners on its response (about a tenth
  // of a cached flag evaluation). When the logger drops "request completed" lines anyway (level above info), Fastify
  // gets no logger and the server logs failed requests itself.
  const logsRequests = vault.logger.isLevelEnabled("info");
  const app: FastifyInstance = Fastify({
    ...(logsRequests
      ? {
          loggerInstance: vault.logger as FastifyBaseLogger,
          logController: new RequestLogs(),
          childLoggerFactory: (logger, bindings, options) =>
            new RequestLogger(logger as unknown as Logger, bindings, options) as unknown as FastifyBaseLogger,
        }
      : {}),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    // Accept a caller's request id when it is harmless, so logs and audit entries can be correlated.
    genReqId: (req) => {
      markReceived(req);
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : nextRequestId();
    },
    requestIdHeader: false,
    routerOptions: { maxParamLength: 512 },
    return503OnClosing: true,
  });
  const logOf = (request: FastifyRequest): FastifyBaseLogger =>
    logsRequests
      ? request.log
      : (new RequestLogger(vault.logger, { reqId: request.id }) as unknown as FastifyBaseLogger);

  const routes = [...allRoutes(), ...(options.routes ?? [])];

  // Metrics and the x-request-id answer header are handled by the route pipeline, the error handler and the
  // not-found handler rather than by hooks: a hook costs every request a hook run.
  const metrics = vault.metrics.http;

  app.setErrorHandler(async (error, request, reply) => {
    const answer = toErrorAnswer(error, String(request.id));
    if (answer.internal) logOf(request).error({ err: error }, "request failed");
    else logOf(request).debug({ code: answer.body.error.code }, "request refused");
    reply
      .code(answer.status)
      .header("x-request-id", String(request.id))
      .header("content-type", "application/json; charset=utf-8")
      .send(answer.body);
    metrics.observe(request.routeOptions.url ?? "unmatched", request.method, answer.status, elapsedMs(request));
    return reply;
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    reply
      .code(404)
      .header("x-request-id", String(request.id))
      .send({
        error: {
          code: "NOT_FOUND",
          message: `no route ${request.method} ${path.slice(0, 200)}`,
          details: { method: request.method },
          requestId: String(request.id),
        },
      });
    metrics.observe("unmatched", request.method, 404, elapsedMs(request));
    return reply;
  });

  const validateResponses = options.validateResponses ?? false;
  for (const def of routes) {
    app.route({ method: def.method, url: def.url, handler: routeHandler(def, vault, { validateResponses, metrics }) });
  }
  return app;
}

/**
 * Fastify's per-request log lines: "request completed" (info, with status and response time) but not "incoming
 * request" as well, so a request costs one line, not two.
 */
class RequestLogs extends LogController {
  override incomingRequest(): void {}
}
