import { type Actor, runAs, VaultError } from "@vault/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type AuthContext, bearerKey } from "../auth/apikeys";
import { hasScope, type Scope } from "../auth/scopes";
import type { Vault } from "../vault";
import { requestValidationError } from "./errors";
import { elapsedMs, type HttpMetrics } from "./metrics";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call a route:
 * - `public`: anyone (health, readiness, metrics, the OpenAPI document);
 * - `key`: any valid key (e.g. "who am I");
 * - `instance`: an instance-admin key (an `admin` key of the system app);
 * - `app`: a key of the app named by the `:appId` path parameter holding `scope`; with `instanceAdmin: true` an
 *   instance-admin key may also act on any app (app and API-key management only).
 */
export type RouteAuth =
  | { kind: "public" }
  | { kind: "key" }
  | { kind: "instance" }
  | { kind: "app"; scope: Scope; instanceAdmin?: true };

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

/** One HTTP operation: its schemas (validation and the OpenAPI document come from them) and its handler. */
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
  /**
   * Optional shortcut for a hot route: true only for bodies that `body` accepts and returns unchanged (a property
   * test holds it to that). Such a body skips zod; every other body is parsed by zod as usual.
   */
  acceptsBodyAsIs?: (body: unknown) => boolean;
  /** The success body (JSON), or null for an answer with no body. */
  response: z.ZodType | null;
  /** Success status (default 200). */
  status?: number;
  /** Media type of the success body when it is not JSON (the handler sends it through `reply`). */
  produces?: string;
  /** Extra success/redirect statuses to document (e.g. 304). */
  otherResponses?: Record<number, string>;
  /**
   * False for operations that never write an audit entry (flag evaluation): they run without the actor context,
   * which would otherwise cost every promise of the request an async-context hook. Default true.
   */
  audited?: boolean;
  /** The operation. It may answer synchronously (a cached flag evaluation): no promise is made then. */
  handler(ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): unknown;
}

/** Identity function that infers the handler's input types from the schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodObject<{}>,
  Q extends z.ZodType = z.ZodObject<{}>,
  B extends z.ZodType = z.ZodUndefined,
>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

/** A query-string boolean: `true`/`false`. */
export const queryBoolean = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

/** ISO 8601 timestamps in responses (Dates are serialised by JSON.stringify). */
export const timestamp = z.iso.datetime({ offset: true });

function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const result = schema.safeParse(value ?? (part === "body" ? undefined : {}));
  if (!result.success) throw requestValidationError(part, result.error);
  return result.data;
}

/** How many distinct parameter sets a route remembers as valid (then it forgets them all and starts again). */
const PARAMS_MEMO_SIZE = 1024;

/**
 * A route's path-parameter validation, remembered per distinct value: a hot route sees the same few apps and keys
 * again and again, and zod costs more than a Map lookup. Only successes are kept (frozen); a failure is checked by
 * zod every time so that its error names the field. The lookup key length-prefixes every value, so two different
 * parameter sets never share one.
 */
export function paramsValidator(schema: z.ZodType): (raw: unknown) => Record<string, unknown> {
  const valid = new Map<string, Record<string, unknown>>();
  return (raw) => {
    const values = (raw ?? {}) as Record<string, unknown>;
    let id = "";
    for (const name in values) {
      const value = String(values[name]);
      id += `${value.length}:${value}`;
    }
    const known = valid.get(id);
    if (known !== undefined) return known;
    const parsed = Object.freeze(parsePart(schema, raw, "params")) as Record<string, unknown>;
    if (valid.size >= PARAMS_MEMO_SIZE) valid.clear();
    valid.set(id, parsed);
    return parsed;
  };
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

/**
 * The request pipeline of every route: authenticate (401), check the app (404 for another app's objects, never
 * 403, so a key cannot probe which apps exist), check the scope (403), validate params, query and body (400
 * naming the field), then run the handler as the caller's Actor and record the request's metrics. Every denial is
 * audited.
 *
 * It stays synchronous as long as it can: a key found in the cache and a handler that answers at once (a cached
 * flag evaluation) make no promise at all. Thrown errors reach the server's error handler either way.
 */
export function routeHandler(
  def: RouteDef,
  vault: Vault,
  options: { validateResponses: boolean; metrics: HttpMetrics },
) {
  const metrics = options.metrics.route(def.url, def.method);
  const runsAsActor = def.auth.kind !== "public" && def.audited !== false;
  const validParams = def.params ? paramsValidator(def.params) : undefined;

  const deny = async (
    request: FastifyRequest,
    auth: AuthContext | undefined,
    reason: string,
    error: VaultError,
    extra?: Record<string, unknown>,
  ): Promise<never> => {
    await vault.auditDenial(request, auth, reason, extra);
    throw error;
  };

  const finish = (reply: FastifyReply, result: unknown): FastifyReply => {
    if (def.produces !== undefined) return reply; // the handler is streaming its own body (counted on close)
    if (!reply.sent) {
      const status = def.status ?? 200;
      if (reply.statusCode !== status) reply.code(status);
      if (def.response === null || result === undefined) reply.send();
      else {
        if (options.validateResponses) checkResponse(def, result);
        reply.send(result);
      }
    }
    metrics.observe(reply.statusCode, elapsedMs(reply.request));
    return reply;
  };

  /** Everything after authentication. Returns a promise only when something in it is asynchronous. */
  const authorised = (
    request: FastifyRequest,
    reply: FastifyReply,
    auth: AuthContext | undefined,
  ): FastifyReply | Promise<FastifyReply> => {
    const params = validParams?.(request.params) as Record<string, unknown>;
    if (def.auth.kind === "instance" && !auth!.instanceAdmin) {
      return deny(
        request,
        auth,
        "not_instance_admin",
        new VaultError("FORBIDDEN", "this operation needs an instance-admin key", {
          details: { required: "admin (system app)" },
        }),
      );
    }
    if (def.auth.kind === "app") {
      const appId = String(params.appId);
      const asInstanceAdmin = def.auth.instanceAdmin === true && auth!.instanceAdmin;
      if (auth!.appId !== appId && !asInstanceAdmin) {
        return deny(
          request,
          auth,
          "other_app",
          new VaultError("NOT_FOUND", `app "${appId}" not found`, { details: { appId } }),
          { targetApp: appId },
        );
      }
      if (!asInstanceAdmin && !hasScope(auth!.scopes, def.auth.scope)) {
        return deny(
          request,
          auth,
          "missing_scope",
          new VaultError("FORBIDDEN", `this API key lacks the scope "${def.auth.scope}"`, {
            details: { required: def.auth.scope },
          }),
          { required: def.auth.scope },
        );
      }
    }
    const query = def.query ? parsePart(def.query, request.query, "query") : undefined;
    const body =
      def.body === undefined
        ? undefined
        : def.acceptsBodyAsIs?.(request.body)
          ? request.body
          : parsePart(def.body, request.body, "body");
    const context = { params, query, body, auth, vault, request, reply };
    if (def.produces !== undefined) {
      // A streamed body is still being written when the handler returns: count the request when it is done. Error
      // answers are counted by the error handler.
      reply.raw.once("close", () => {
        if (reply.statusCode < 400) metrics.observe(reply.statusCode, elapsedMs(reply.request));
      });
    }
    const result = runsAsActor ? runAs(actorOf(request, auth), () => def.handler(context)) : def.handler(context);
    return isPromise(result) ? Promise.resolve(result).then((value) => finish(reply, value)) : finish(reply, result);
  };

  return (request: FastifyRequest, reply: FastifyReply): FastifyReply | Promise<FastifyReply> => {
    reply.header("x-request-id", request.id);
    if (def.auth.kind === "public") return authorised(request, reply, undefined);
    const header = request.headers.authorization;
    const cached =
      typeof header === "string" ? vault.apiKeys.authenticateHeaderCached(header, request.raw.socket) : undefined;
    if (cached !== undefined) return authorised(request, reply, cached);
    return (async () => {
      const presented = typeof header === "string" ? bearerKey(header) : undefined;
      const auth = presented === undefined ? undefined : await vault.apiKeys.authenticate(presented);
      if (auth === undefined) {
        return deny(
          request,
          undefined,
          header === undefined ? "missing_credentials" : "invalid_key",
          new VaultError(
            "UNAUTHENTICATED",
            header === undefined ? "missing Authorization: Bearer <api key>" : "invalid or revoked API key",
          ),
        );
      }
      return authorised(request, reply, auth);
    })();
  };
}

function actorOf(request: FastifyRequest, auth: AuthContext | undefined): Actor {
  return { appId: auth?.appId, apiKeyId: auth?.apiKeyId, ip: request.ip, requestId: request.id };
}

/** Tests: a success body must match the route's response schema (after a JSON round trip, as a client sees it). */
function checkResponse(def: RouteDef, result: unknown): void {
  const roundTripped = JSON.parse(JSON.stringify(result)) as unknown;
  const check = def.response!.safeParse(roundTripped);
  if (!check.success) {
    throw new VaultError("INTERNAL", `response of ${def.operationId} does not match its schema`, {
      details: { issues: check.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
}
