import { randomUUID } from "node:crypto";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { toErrorAnswer } from "./http/errors";
import { type RouteDef, routeHandler } from "./http/route";
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

/**
 * The HTTP API over a {@link Vault}: every route under /v1 plus /health, /ready, /metrics and /openapi.json. Usable
 * with `inject` (no port). Errors of any kind leave through one envelope, mapped once here.
 */
export async function buildServer(vault: Vault, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: vault.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    // Accept a caller's request id when it is harmless, so logs and audit entries can be correlated.
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : `req_${randomUUID()}`;
    },
    requestIdHeader: false,
    routerOptions: { maxParamLength: 512 },
    return503OnClosing: true,
  });

  const routes = [...allRoutes(), ...(options.routes ?? [])];

  // Callback-style hooks (no promise per request); metric children are cached per label set.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", String(request.id));
    done();
  });

  const requestCounters = new Map<string, { inc(): void }>();
  const latencyHistograms = new Map<string, { observe(value: number): void }>();
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    const method = request.method;
    const status = String(reply.statusCode);
    const counterKey = `${method} ${route} ${status}`;
    let counter = requestCounters.get(counterKey);
    if (!counter) {
      counter = vault.metrics.httpRequests.labels({ route, method, status });
      requestCounters.set(counterKey, counter);
    }
    counter.inc();
    const histogramKey = `${method} ${route}`;
    let histogram = latencyHistograms.get(histogramKey);
    if (!histogram) {
      histogram = vault.metrics.httpDuration.labels({ route, method });
      latencyHistograms.set(histogramKey, histogram);
    }
    histogram.observe(reply.elapsedTime / 1000);
    done();
  });

  app.setErrorHandler(async (error, request, reply) => {
    const answer = toErrorAnswer(error, String(request.id));
    if (answer.internal) request.log.error({ err: error }, "request failed");
    else request.log.debug({ code: answer.body.error.code }, "request refused");
    return reply.code(answer.status).header("content-type", "application/json; charset=utf-8").send(answer.body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    return reply.code(404).send({
      error: {
        code: "NOT_FOUND",
        message: `no route ${request.method} ${path.slice(0, 200)}`,
        details: { method: request.method },
        requestId: String(request.id),
      },
    });
  });

  const validateResponses = options.validateResponses ?? false;
  for (const def of routes) {
    app.route({ method: def.method, url: def.url, handler: routeHandler(def, vault, { validateResponses }) });
  }
  return app;
}
