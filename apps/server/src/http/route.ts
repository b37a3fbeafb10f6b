import { type Actor, runAs } from "@vault/core";
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../auth/apikeys";
import type { Scope } from "../auth/scopes";
import type { Vault } from "../vault";
import { bytesBodyOpenApi } from "./bytes-body";
import { errorEnvelopeSchema, STATUS_OF } from "./errors";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call a route:
 * - `public`: anyone (health, readiness, the OpenAPI document);
 * - `metrics`: anyone, unless the server was given a metrics token: then `Authorization: Bearer <that token>`;
 * - `key`: any valid key (e.g. "who am I");
 * - `instance`: an instance-admin key (an `admin` key of the system app);
 * - `app`: a key of the app named by the `:appId` path parameter holding `scope` (one of them, when a list: the
 *   handler sees `auth.scopes` and serves what they allow); with `instanceAdmin: true` an instance-admin key may also
 *   act on any app (app and API-key management only); with `otherApps: true` a key of another app holding `scope`
 *   passes too, and the service decides (blob reads: the purpose's `allowedApps`, every other app answered 404 like a
 *   missing entry).
 * - `keyApp`: a key holding `scope`, acting on its own app (OFREP, whose paths name no app).
 */
export type RouteAuth =
  | { kind: "public" }
  | { kind: "metrics" }
  | { kind: "key" }
  | { kind: "instance" }
  | { kind: "app"; scope: Scope | readonly Scope[]; instanceAdmin?: true; otherApps?: true }
  | { kind: "keyApp"; scope: Scope };

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The caller (undefined on public routes). */
  auth: AuthContext | undefined;
  vault: Vault;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** One HTTP operation: its schemas (Fastify validates with them and the OpenAPI document is built from them). */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify path syntax: `/v1/apps/:appId/secrets/:key`. */
  url: string;
  operationId: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers the route reads (documented in OpenAPI; other headers pass through untouched). */
  headers?: z.ZodType;
  /**
   * The route also takes `application/octet-stream` bodies: this makes the bytes and the request's headers into the
   * body object its schema validates (see bytes-body.ts). Without it, JSON only.
   */
  bytesBody?: (data: Buffer, headers: Record<string, string | string[] | undefined>) => Record<string, unknown>;
  /** Largest body in bytes, when not the server's (a function of the vault: a configured limit). */
  bodyLimit?: (vault: Vault) => number;
  /** The success body (JSON), or null for an answer with no body. */
  response: z.ZodType | null;
  /** Success status (default 200). */
  status?: number;
  /** Media type of the success body when it is not JSON (the handler sends it through `reply`). */
  produces?: string;
  /** Other media types the success body may come in (chosen by the handler, e.g. from `Accept`), with their schemas. */
  alsoProduces?: Record<string, z.ZodType>;
  /** The body of this route's error answers in the OpenAPI document (default: the error envelope). */
  errorSchema?: z.ZodType;
  /**
   * Other documented answers, by status: a description for an answer without a body (a 304), or the body's schema
   * (the 503 of /ready carries the same body as its 200).
   */
  otherResponses?: Record<number, string | z.ZodType>;
  /**
   * How long the whole request may take before it is answered 503 UNAVAILABLE, when it needs longer than the
   * server's request timeout (a streamed export, a KEK rewrap).
   */
  timeoutMs?: number;
  /**
   * False for operations that never write an audit entry (flag evaluation): they run without the actor context.
   * Default true.
   */
  audited?: boolean;
  handler(ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): unknown;
}

/** Identity function that infers the handler's input types from the schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodUndefined,
>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

/** A query-string boolean: `true`/`false`. */
export const queryBoolean = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

/** A point in time in an answer: a `Date` in the handler, an ISO 8601 string on the wire. */
export const timestamp = z.date();

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call the route (read by the authentication hook). */
    auth?: RouteAuth;
    /** The route takes application/octet-stream bodies, made into its body object by this (see bytes-body.ts). */
    bytesBody?: RouteDef["bytesBody"];
  }
}

/** What each error status means, as the OpenAPI document says it (every one carries the error envelope). */
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "VALIDATION: the request is malformed; `details.issues` names the fields.",
  401: "UNAUTHENTICATED: no valid API key.",
  403: "FORBIDDEN: the key lacks the scope this operation needs.",
  404: "NOT_FOUND: no such object (or it belongs to another app).",
  409: "CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists.",
  410: "EXPIRED or GONE: the object exists no longer.",
  413: "PAYLOAD_TOO_LARGE: the body is larger than the server accepts.",
  415: "UNSUPPORTED_MEDIA_TYPE: send application/json.",
  422: "TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy.",
  429: "RATE_LIMITED: too many requests; retry later.",
  500: "INTERNAL or DECRYPTION_FAILED: our failure; quote the request id.",
  503: "UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later.",
};

/** The error statuses a route can answer with, documented in OpenAPI. */
function errorStatuses(def: RouteDef): number[] {
  const statuses = new Set<number>([400, 404, 413, 415, 500, 503]);
  if (def.auth.kind === "metrics") statuses.add(401);
  else if (def.auth.kind !== "public") for (const status of Object.values(STATUS_OF)) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

/** The Fastify schema of a route: validation of params, query and body, and the documented answers. */
function schemaOf(def: RouteDef): FastifySchema {
  const status = def.status ?? 200;
  const response: Record<string, unknown> = {};
  if (def.response === null) response[status] = z.undefined().describe("done");
  else if (def.produces !== undefined || def.alsoProduces !== undefined) {
    const content: Record<string, { schema: z.ZodType }> = {
      [def.produces ?? "application/json"]: { schema: def.response },
    };
    for (const [type, schema] of Object.entries(def.alsoProduces ?? {})) content[type] = { schema };
    response[status] = { description: "success", content };
  } else response[status] = def.response;
  for (const code of errorStatuses(def)) {
    response[code] = {
      description: ERROR_DESCRIPTIONS[code] ?? "error",
      content: { "application/json": { schema: def.errorSchema ?? errorEnvelopeSchema } },
    };
  }
  for (const [code, answer] of Object.entries(def.otherResponses ?? {})) {
    response[code] = typeof answer === "string" ? z.undefined().describe(answer) : answer;
  }
  return {
    operationId: def.operationId,
    summary: def.summary,
    tags: [def.tag],
    security:
      def.auth.kind === "public" ? [] : def.auth.kind === "metrics" ? [{}, { metricsToken: [] }] : [{ apiKey: [] }],
    ...(def.params ? { params: def.params } : {}),
    ...(def.query ? { querystring: def.query } : {}),
    ...(def.body ? { body: def.body } : {}),
    ...(def.headers ? { headers: def.headers } : {}),
    response,
  } as FastifySchema;
}

/**
 * Register one route on `app`. Authentication, the app check and the scope check run before it as an onRequest hook
 * (see auth.ts); params, query and body reach the handler validated by Fastify with the route's zod schemas.
 */
export function registerRoute(app: FastifyInstance, vault: Vault, def: RouteDef): void {
  const runsAsActor = def.auth.kind !== "public" && def.auth.kind !== "metrics" && def.audited !== false;
  const status = def.status ?? 200;
  app.route({
    method: def.method,
    url: def.url,
    schema: schemaOf(def),
    ...(def.timeoutMs === undefined ? {} : { handlerTimeout: def.timeoutMs }),
    ...(def.bodyLimit === undefined ? {} : { bodyLimit: def.bodyLimit(vault) }),
    // @fastify/swagger leaves HEAD routes out unless asked: ours are explicit operations, not GET's shadows.
    config: {
      auth: def.auth,
      ...(def.bytesBody === undefined ? {} : { bytesBody: def.bytesBody, swaggerTransform: bytesBodyOpenApi }),
      ...(def.method === "HEAD" ? { swagger: { exposeHeadRoute: true } } : {}),
    },
    handler: async (request, reply) => {
      const context = {
        params: request.params,
        query: request.query,
        body: request.body,
        auth: request.auth,
        vault,
        request,
        reply,
      };
      const result = runsAsActor
        ? await runAs(actorOf(request), () => def.handler(context))
        : await def.handler(context);
      // A handler that answered itself (a stream, a 304, a status of its own) returns the reply.
      if (result === reply || reply.sent) return reply;
      reply.code(status);
      return def.response === null ? reply.send() : reply.send(result);
    },
  });
}

function actorOf(request: FastifyRequest): Actor {
  const auth = request.auth;
  return { appId: auth?.appId, apiKeyId: auth?.apiKeyId, ip: request.ip, requestId: request.id };
}
