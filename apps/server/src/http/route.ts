import { type Actor, runAs, VaultError } from "@vault/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../auth/apikeys";
import { hasScope, type Scope } from "../auth/scopes";
import type { Vault } from "../vault";
import { requestValidationError } from "./errors";

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
  /** The success body (JSON), or null for an answer with no body. */
  response: z.ZodType | null;
  /** Success status (default 200). */
  status?: number;
  /** Media type of the success body when it is not JSON (the handler sends it through `reply`). */
  produces?: string;
  /** Extra success/redirect statuses to document (e.g. 304). */
  otherResponses?: Record<number, string>;
  handler(ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown>;
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

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, part: string): z.output<S> {
  if (schema === undefined) return undefined as z.output<S>;
  const result = schema.safeParse(value ?? (part === "body" ? undefined : {}));
  if (!result.success) throw requestValidationError(part, result.error);
  return result.data;
}

const bearerPattern = /^Bearer ([^\s]+)$/;

/**
 * The request pipeline of every route: authenticate (401), check the app (404 for another app's objects, never
 * 403, so a key cannot probe which apps exist), check the scope (403), validate params, query and body (400
 * naming the field), then run the handler as the caller's Actor. Every denial is audited.
 */
export function routeHandler(def: RouteDef, vault: Vault, options: { validateResponses: boolean }) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    let auth: AuthContext | undefined;
    if (def.auth.kind !== "public") {
      const header = request.headers.authorization;
      const match = typeof header === "string" ? bearerPattern.exec(header) : null;
      auth = match
        ? (vault.apiKeys.authenticateCached(match[1]!) ?? (await vault.apiKeys.authenticate(match[1]!)))
        : undefined;
      if (!auth) {
        await vault.auditDenial(request, undefined, header === undefined ? "missing_credentials" : "invalid_key");
        throw new VaultError(
          "UNAUTHENTICATED",
          header === undefined ? "missing Authorization: Bearer <api key>" : "invalid or revoked API key",
        );
      }
    }
    const params = parsePart(def.params, request.params, "params") as Record<string, unknown>;
    if (def.auth.kind === "instance" && !auth!.instanceAdmin) {
      await vault.auditDenial(request, auth, "not_instance_admin");
      throw new VaultError("FORBIDDEN", "this operation needs an instance-admin key", {
        details: { required: "admin (system app)" },
      });
    }
    if (def.auth.kind === "app") {
      const appId = String(params.appId);
      const crossApp = auth!.appId !== appId;
      const asInstanceAdmin = def.auth.instanceAdmin === true && auth!.instanceAdmin;
      if (crossApp && !asInstanceAdmin) {
        await vault.auditDenial(request, auth, "other_app", { targetApp: appId });
        throw new VaultError("NOT_FOUND", `app "${appId}" not found`, { details: { appId } });
      }
      if (!asInstanceAdmin && !hasScope(auth!.scopes, def.auth.scope)) {
        await vault.auditDenial(request, auth, "missing_scope", { required: def.auth.scope });
        throw new VaultError("FORBIDDEN", `this API key lacks the scope "${def.auth.scope}"`, {
          details: { required: def.auth.scope },
        });
      }
    }
    const query = parsePart(def.query, request.query, "query");
    const body = parsePart(def.body, request.body, "body");
    const actor: Actor = {
      appId: auth?.appId,
      apiKeyId: auth?.apiKeyId,
      ip: request.ip,
      requestId: String(request.id),
    };
    const result = await runAs(actor, () => def.handler({ params, query, body, auth, vault, request, reply }));
    if (reply.sent) return reply;
    if (def.produces !== undefined) return reply; // the handler sent (or is streaming) its own body
    reply.code(def.status ?? 200);
    if (def.response === null || result === undefined) return reply.send();
    if (options.validateResponses) {
      const roundTripped = JSON.parse(JSON.stringify(result)) as unknown;
      const check = def.response.safeParse(roundTripped);
      if (!check.success) {
        throw new VaultError("INTERNAL", `response of ${def.operationId} does not match its schema`, {
          details: { issues: check.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
        });
      }
    }
    return reply.send(result);
  };
}
