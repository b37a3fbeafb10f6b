import { runAs, VaultError } from "@vault/core";
import { type AuditEvent, withTransaction } from "@vault/store";
import type { FastifyRequest } from "fastify";
import { type AuthContext, bearerKey } from "../auth/apikeys";
import { hasScope, SYSTEM_APP_ID } from "../auth/scopes";
import type { Vault } from "../vault";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller behind the request's API key (set by the authentication hook; undefined on public routes). */
    auth: AuthContext | undefined;
  }
}

/**
 * The onRequest hook of every route: authenticate (401), check the app (404 for another app's objects, never 403, so
 * a key cannot probe which apps exist), check the scope (403). It runs before the body is read and before params,
 * query and body are validated (400), so a refusal never depends on what the caller sent. Every denial is audited.
 */
export function authenticationHook(vault: Vault) {
  return async (request: FastifyRequest): Promise<void> => {
    const required = request.routeOptions.config.auth;
    if (required === undefined || required.kind === "public") return;
    const header = request.headers.authorization;
    const presented = typeof header === "string" ? bearerKey(header) : undefined;
    const auth = presented === undefined ? undefined : await vault.apiKeys.authenticate(presented);
    if (auth === undefined) {
      const reason = header === undefined ? "missing_credentials" : "invalid_key";
      await deny(vault, request, undefined, reason, {});
      throw new VaultError(
        "UNAUTHENTICATED",
        header === undefined ? "missing Authorization: Bearer <api key>" : "invalid or revoked API key",
      );
    }
    request.auth = auth;
    if (required.kind === "instance" && !auth.instanceAdmin) {
      await deny(vault, request, auth, "not_instance_admin", {});
      throw new VaultError("FORBIDDEN", "this operation needs an instance-admin key", {
        details: { required: "admin (system app)" },
      });
    }
    if (required.kind !== "app") return;
    // The raw path parameter: whatever it holds, a key of another app gets 404 before anything is validated.
    const appId = String((request.params as Record<string, unknown>).appId ?? "");
    const asInstanceAdmin = required.instanceAdmin === true && auth.instanceAdmin;
    if (auth.appId !== appId && !asInstanceAdmin) {
      await deny(vault, request, auth, "other_app", { targetApp: appId.slice(0, 64) });
      throw new VaultError("NOT_FOUND", "app not found", { details: { appId: appId.slice(0, 64) } });
    }
    if (!asInstanceAdmin && !hasScope(auth.scopes, required.scope)) {
      await deny(vault, request, auth, "missing_scope", { required: required.scope });
      throw new VaultError("FORBIDDEN", `this API key lacks the scope "${required.scope}"`, {
        details: { required: required.scope },
      });
    }
  };
}

/**
 * Audit a refused request as `auth.denied` in the caller's app (or the system app when the caller is unknown), and log
 * it. A failing audit write is logged, not thrown: the request is refused either way.
 */
async function deny(
  vault: Vault,
  request: FastifyRequest,
  auth: AuthContext | undefined,
  reason: string,
  extra: Record<string, unknown>,
): Promise<void> {
  const route = `${request.method} ${request.routeOptions.url ?? "unmatched"}`;
  request.log.info({ reason, route, apiKeyId: auth?.apiKeyId }, "request denied");
  const event: AuditEvent = {
    action: "auth.denied",
    resource: "http",
    appId: auth?.appId ?? SYSTEM_APP_ID,
    key: route,
    outcome: "denied",
    metadata: { reason, ...extra },
  };
  try {
    await runAs({ appId: auth?.appId, apiKeyId: auth?.apiKeyId, ip: request.ip, requestId: request.id }, () =>
      withTransaction(vault.db, (tx) => vault.audit.record(tx, event)),
    );
  } catch (error) {
    request.log.error({ err: error, reason }, "could not audit a denied request");
  }
}
