import { VaultError } from "@vault/core";
import { constantTimeEqual } from "@vault/crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Counter } from "prom-client";
import { type AuthContext, bearerKey } from "../auth/apikeys";
import { hasScope, SYSTEM_APP_ID } from "../auth/scopes";
import type { Vault } from "../vault";
import type { DenialAudit } from "./denials";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller behind the request's API key (set by the authentication hook; undefined on public routes). */
    auth: AuthContext | undefined;
  }
}

/** The per-source limit on failed authentication (from @fastify/rate-limit's `createRateLimit`). */
export type FailureLimit = (
  request: FastifyRequest,
  options?: { increment?: boolean },
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

export interface AuthenticationHookOptions {
  vault: Vault;
  /** Counts failed authentications per source; over the limit, requests without a valid key get 429. */
  limitFailures: FailureLimit;
  denials: DenialAudit;
  /** Every denial, exactly, by reason (the audit log summarises floods; metrics do not). */
  deniedTotal: Counter<"reason">;
  /** When set, routes of kind `metrics` need `Authorization: Bearer <this token>`. */
  metricsToken?: string;
}

/**
 * The onRequest hook of every route: authenticate (401), check the app (404 for another app's objects, never 403, so
 * a key cannot probe which apps exist), check the scope (403). It runs before the body is read and before params,
 * query and body are validated (400), so a refusal never depends on what the caller sent. Every denial is audited
 * (floods from one source summarised, see DenialAudit) and counted. A source that keeps presenting bad keys is
 * refused with 429 until its window passes, before any lookup.
 */
export function authenticationHook(options: AuthenticationHookOptions) {
  const { vault, limitFailures } = options;
  const deny = (request: FastifyRequest, auth: AuthContext | undefined, reason: string, extra = {}) =>
    recordDenial(options, request, auth, reason, extra);

  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const required = request.routeOptions.config.auth;
    if (required === undefined || required.kind === "public") return;
    if (required.kind === "metrics") {
      if (options.metricsToken === undefined) return;
      const header = request.headers.authorization;
      const presented = typeof header === "string" ? bearerKey(header) : undefined;
      if (presented !== undefined && constantTimeEqual(presented, options.metricsToken)) return;
      options.deniedTotal.inc({ reason: "invalid_metrics_token" });
      throw new VaultError("UNAUTHENTICATED", "this server's metrics need Authorization: Bearer <metrics token>");
    }
    const blocked = await limitFailures(request, { increment: false });
    if (blocked.isExceeded) {
      await deny(request, undefined, "rate_limited");
      throw rateLimited(reply, blocked.ttlInSeconds);
    }
    const header = request.headers.authorization;
    const presented = typeof header === "string" ? bearerKey(header) : undefined;
    const auth = presented === undefined ? undefined : await vault.apiKeys.authenticate(presented);
    if (auth === undefined) {
      const counted = await limitFailures(request);
      await deny(request, undefined, header === undefined ? "missing_credentials" : "invalid_key");
      if (counted.isExceeded) throw rateLimited(reply, counted.ttlInSeconds);
      throw new VaultError(
        "UNAUTHENTICATED",
        header === undefined ? "missing Authorization: Bearer <api key>" : "invalid or revoked API key",
      );
    }
    request.auth = auth;
    if (required.kind === "instance" && !auth.instanceAdmin) {
      await deny(request, auth, "not_instance_admin");
      throw new VaultError("FORBIDDEN", "this operation needs an instance-admin key", {
        details: { required: "admin (system app)" },
      });
    }
    if (required.kind === "keyApp") {
      if (!hasScope(auth.scopes, required.scope)) {
        await deny(request, auth, "missing_scope", { required: required.scope });
        throw new VaultError("FORBIDDEN", `this API key lacks the scope "${required.scope}"`, {
          details: { required: required.scope },
        });
      }
      return;
    }
    if (required.kind !== "app") return;
    // The raw path parameter: whatever it holds, a key of another app gets 404 before anything is validated.
    const appId = String((request.params as Record<string, unknown>).appId ?? "");
    const asInstanceAdmin = required.instanceAdmin === true && auth.instanceAdmin;
    // Routes open to other apps (blob reads) let the service decide, after the caller's own scope is checked.
    if (auth.appId !== appId && !asInstanceAdmin && required.otherApps !== true) {
      await deny(request, auth, "other_app", { targetApp: appId.slice(0, 64) });
      throw new VaultError("NOT_FOUND", "app not found", { details: { appId: appId.slice(0, 64) } });
    }
    const anyOf = typeof required.scope === "string" ? [required.scope] : required.scope;
    if (!asInstanceAdmin && !anyOf.some((scope) => hasScope(auth.scopes, scope))) {
      const named = anyOf.join('" or "');
      const requiredScope = anyOf.length === 1 ? anyOf[0] : anyOf;
      await deny(request, auth, "missing_scope", { required: requiredScope });
      throw new VaultError("FORBIDDEN", `this API key lacks the scope "${named}"`, {
        details: { required: requiredScope },
      });
    }
  };
}

function rateLimited(reply: FastifyReply, retryAfterSeconds = 1): VaultError {
  reply.header("retry-after", String(retryAfterSeconds));
  return new VaultError(
    "RATE_LIMITED",
    `too many failed authentications from this source; retry in ${retryAfterSeconds} s`,
    {
      details: { retryAfterSeconds },
    },
  );
}

/** Log, count and audit one denial (the audit in the caller's app, or the system app when the caller is unknown). */
async function recordDenial(
  options: AuthenticationHookOptions,
  request: FastifyRequest,
  auth: AuthContext | undefined,
  reason: string,
  extra: Record<string, unknown>,
): Promise<void> {
  const route = `${request.method} ${request.routeOptions.url ?? "unmatched"}`;
  // A source over its limit is refused on every request; those lines would be a flood of their own (they are
  // counted in metrics and summarised in the audit log).
  const level = reason === "rate_limited" ? "debug" : "info";
  request.log[level]({ reason, route, apiKeyId: auth?.apiKeyId }, "request denied");
  options.deniedTotal.inc({ reason });
  await options.denials.record({
    source: request.ip,
    appId: auth?.appId ?? SYSTEM_APP_ID,
    reason,
    route,
    apiKeyId: auth?.apiKeyId,
    requestId: request.id,
    metadata: extra,
  });
}
