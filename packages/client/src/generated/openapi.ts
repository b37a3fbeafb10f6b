// Generated from the server's OpenAPI document by `pnpm generate:client`: do not edit.
// apps/server/test/client-types.test.ts fails when this file and the server's routes disagree.

/** Any JSON value (the document's recursive JsonValue schemas, as one alias TypeScript accepts). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving. */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format). Public unless the server has a metrics token (VAULT_METRICS_TOKEN): then `Authorization: Bearer <token>`. */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ofrep/v1/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OFREP: what this provider supports (polling the bulk evaluation with ETags; every flag type). */
        get: operations["ofrepConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ofrep/v1/evaluate/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OFREP: evaluate every flag of the API key's app; ETag names the answer (If-None-Match → 304). */
        post: operations["ofrepEvaluateFlags"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ofrep/v1/evaluate/flags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OFREP: evaluate one flag of the API key's app (404 FLAG_NOT_FOUND for a missing flag). */
        post: operations["ofrepEvaluateFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API's OpenAPI 3.1 document. */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and every migration is applied (503 otherwise). */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The keyring (ids only) and how many keys each KEK wraps — secret versions, blob keys, token keys, webhook secrets — in total and per subsystem; remove an old KEK only once pending is 0. */
        get: operations["kekStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keks/rewrap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rewrap every key not under the active KEK — secrets, blobs, tokens, webhook secrets (resumable; values are never decrypted). */
        post: operations["rewrapKeks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keks/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a KEK, make it active, save the keyring file, and rewrap every key the old KEKs wrap — secrets, blobs, tokens, webhook secrets (file keyrings only). */
        post: operations["rotateKek"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every app (instance admin). */
        get: operations["listApps"];
        put?: never;
        /** Create an app (instance admin). */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an app (its admin, or the instance admin). */
        get: operations["getApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the app's API keys (prefixes only). */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key for the app. The key is returned once and never again. */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (effective at once in this process, within 5 s in others; its open event streams end as well). */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Query the app's audit entries, newest first. */
        get: operations["queryAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the app's audit entries as NDJSON, oldest first. */
        get: operations["exportAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain (the whole instance's chain). An app's key gets the verdict; an instance-admin key also gets counts, head and the broken entry. */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/blob-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every purpose's policy, by purpose. */
        get: operations["listBlobPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/blob-policies/{purpose}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A purpose's retention and access policy. */
        get: operations["getBlobPolicy"];
        /** Create or replace a purpose's retention and access policy. Lowering maxRetentionDays brings forward the expiry of stored entries that would outlive it. */
        put: operations["setBlobPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/blobs/{purpose}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A purpose's entries in the order stored, metadata only, a page at a time (owner-only purposes: your own entries unless blobs:admin). */
        get: operations["listBlobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/blobs/{purpose}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve an entry, counting one retrieval atomically: the bytes with the metadata in x-vault-* headers, or JSON ({ data: base64, meta }) with Accept: application/json. Expired, exhausted, shredded or purged → 410; refused by the purpose's access policy → 403; another app not in allowedApps → 404. Audited. */
        get: operations["getBlob"];
        /** Store an entry: raw bytes as application/octet-stream (x-vault-metadata JSON, x-vault-expires-at, x-vault-max-retrievals headers) or JSON with base64 data. Replaces a live entry of the same id (its content purged with a proof). No policy → 422, expiry beyond the maximum retention → 422 RETENTION_VIOLATION, too many bytes → 413. */
        put: operations["putBlob"];
        post?: never;
        /** Purge an entry now; answers the keyed proof of the purge (also recorded and in the audit log). Already purged → 410. */
        delete: operations["deleteBlob"];
        options?: never;
        /** Whether an entry can be retrieved, with its size, expiry and retrievals left in x-vault-* headers; answers as GET would, but counts nothing, decrypts nothing and writes no audit entry. */
        head: operations["checkBlob-head"];
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/blobs/shred": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Crypto-shred an owner (an identity): its key is destroyed, every entry it stored in the app is unreadable at once (410) and due for the sweep. The owner goes in the body, never the URL. */
        post: operations["shredBlobOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/blobs/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's last sweep (its own or a scheduled one over every app) and how many entries are due now. */
        get: operations["blobSweepStatus"];
        put?: never;
        /** Run the purge sweep for this app now: every due entry (expired, or of a shredded owner) purged with a proof, in batches. Safe beside the scheduled sweeps of other instances. */
        post: operations["sweepBlobs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/blobs/verify-proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a purge proof of this app: valid (made with the app's proof key over exactly these fields), recorded, and — given the content you kept, in base64 — whether the purged entry held it (while its owner's key lives). */
        post: operations["verifyBlobProof"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/compliance/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's compliance report for a period (default the last 30 days): inventory by purpose, retention conformance, access summary, purge evidence and the audit chain's status. JSON, or a readable HTML page with ?format=html or Accept: text/html. */
        get: operations["blobComplianceReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List config entries by key, optionally by key prefix. */
        get: operations["listConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config-snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's config entries and every tenant's overrides, to resolve locally; ETag is the revision (If-None-Match → 304). */
        get: operations["getConfigSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a config entry (the app value, without tenant overrides). */
        get: operations["getConfig"];
        /** Set a config value (type inferred on first write, enforced after; `cas` for check-and-set). */
        put: operations["setConfig"];
        post?: never;
        /** Delete a config entry. */
        delete: operations["deleteConfig"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config/{key}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tenant override of one config key. */
        get: operations["listOverridesByKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config/{key}/overrides/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a tenant's override of a config key. */
        get: operations["getOverride"];
        /** Set a tenant's override of a config key. */
        put: operations["setOverride"];
        post?: never;
        /** Remove a tenant's override. */
        delete: operations["deleteOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config/{key}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The value for a tenant: its override if any, else the app value. */
        get: operations["resolveConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config/{key}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write a new version carrying an old version's value. */
        post: operations["rollbackConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/config/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A config entry's versions, newest first. */
        get: operations["listConfigVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate every flag of the app for a tenant/user. */
        post: operations["evaluateAllFlags"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flag-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evaluations per flag and variant over the last `days` UTC days (default 30), with lastEvaluatedAt. */
        get: operations["getFlagUsage"];
        put?: never;
        /** Report evaluations a client made locally ({ counts: [{ flagKey, variant?, count }] }); counted with the server's own. */
        post: operations["reportFlagUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List flags by key, optionally by tag or key prefix. */
        get: operations["listFlags"];
        put?: never;
        /** Define a flag (every value is checked against its type). */
        post: operations["defineFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a flag with its rules. */
        get: operations["getFlag"];
        put?: never;
        post?: never;
        /** Delete a flag, its rules and overrides. */
        delete: operations["deleteFlag"];
        options?: never;
        head?: never;
        /** Change a flag's definition (`cas`: the version you read). */
        patch: operations["updateFlag"];
        trace?: never;
    };
    "/v1/apps/{appId}/flags/{key}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate one flag for a tenant/user (never fails for a missing flag: reason ERROR, FLAG_NOT_FOUND). */
        post: operations["evaluateFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flags/{key}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flag's tenant overrides. */
        get: operations["listFlagOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flags/{key}/overrides/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a tenant's value of a flag (checked against the flag's type). */
        put: operations["setFlagOverride"];
        post?: never;
        /** Remove a tenant's override. */
        delete: operations["deleteFlagOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flags/{key}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a flag's rules (lower priority first). */
        put: operations["setFlagRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flags/{key}/user-overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A flag's individual targets (per-user values, which beat the tenant's override). */
        get: operations["listFlagUserOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/flags/{key}/user-overrides/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's value of a flag (checked against the flag's type); it beats the tenant's override. */
        put: operations["setFlagUserOverride"];
        post?: never;
        /** Remove a user's override. */
        delete: operations["deleteFlagUserOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/resolved-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every config value of the app for a tenant, overrides applied. */
        get: operations["resolveAllConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/rotation/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's rotation policies by secret key. */
        get: operations["listRotationPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/rotation/policies/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rotation policy of a secret. */
        get: operations["getRotationPolicy"];
        /** Create or replace the rotation policy of a secret. */
        put: operations["putRotationPolicy"];
        post?: never;
        /** Remove the rotation policy of a secret (the secret stays). */
        delete: operations["deleteRotationPolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/rotation/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rotation attempts, newest first, optionally of one secret. */
        get: operations["listRotationRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List secrets by key (metadata only), optionally by key prefix. */
        get: operations["listSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a secret's value (current, or `?version=`). Audited. */
        get: operations["getSecret"];
        /** Write a new version of a secret (`cas` for check-and-set; 0 = must not exist). */
        put: operations["setSecret"];
        post?: never;
        /** Soft-delete versions (default: the current one); undelete restores them. */
        delete: operations["deleteSecret"];
        options?: never;
        /** Whether the secret (or `?version=`) can be read, with its metadata in headers (x-vault-version, x-vault-current-version, last-modified, x-vault-expires-at); answers as GET would, without decrypting and without a read audit entry. */
        head: operations["checkSecret-head"];
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets/{key}/destroy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Crypto-shred versions: their data keys are destroyed, the values are unrecoverable. Needs admin. */
        post: operations["destroySecretVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets/{key}/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A secret's metadata (never its value). */
        get: operations["getSecretMeta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets/{key}/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a secret and every version, with a proof written to the audit log. Needs admin. */
        post: operations["purgeSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets/{key}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a secret now with its policy's strategy: the rotator runs outside any transaction, the new version is written check-and-set on the version it started from (a failure changes nothing and is recorded). */
        post: operations["rotateSecretNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets/{key}/undelete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore soft-deleted versions (default: the current one). */
        post: operations["undeleteSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/secrets/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a secret with its state (no values). */
        get: operations["listSecretVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List segments by key, optionally by key prefix. */
        get: operations["listSegments"];
        put?: never;
        /** Define a segment (its conditions are checked as the engine will evaluate them). */
        post: operations["defineSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/segments/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a segment. */
        get: operations["getSegment"];
        put?: never;
        post?: never;
        /** Delete a segment; 409 while a rule names it (details.flags lists the flags that do). */
        delete: operations["deleteSegment"];
        options?: never;
        head?: never;
        /** Change a segment's description or constraints (`cas`: the version you read). */
        patch: operations["updateSegment"];
        trace?: never;
    };
    "/v1/apps/{appId}/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's flags as a snapshot to evaluate locally; ETag is the revision (If-None-Match → 304). */
        get: operations["getFlagSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/stale-flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Flags not evaluated for `days` days (default 30), or serving one value to everyone for that long. */
        get: operations["listStaleFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A live stream of the app's flag and config snapshots (SSE; Last-Event-ID resumes). */
        get: operations["streamChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tenants/{tenantId}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every override of one tenant, optionally by key prefix. */
        get: operations["listOverridesByTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List token records' metadata in creation order (cursor pagination); POST …/tokens/query filters. */
        get: operations["listTokens"];
        put?: never;
        /** Store a value and get a new token for it (shown once), optionally password-protected. */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store many values at once with the same options (one password derivation); tokens in order. */
        post: operations["createTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move one token to a new password (null adds or removes one); its DEK is rewrapped, not re-encrypted. */
        post: operations["changeTokenPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/change-password-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move every token of the app under oldPassword to newPassword: two key derivations and one rewrapped key, whatever the number of records. */
        post: operations["changeAllTokenPasswords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a token's record for good. */
        post: operations["deleteToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/exists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whether a token has a live record (neither soft-deleted nor expired). Reads no value. */
        post: operations["tokenExists"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/purge-expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove (or with soft: true, soft-delete) every record past its expiry; answers how many. */
        post: operations["purgeExpiredTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Query token records' metadata (never values or tokens): by ids or tokens, created and expiry ranges, soft-deleted too, ordered, paged by offset or cursor, chosen columns, or count only. */
        post: operations["queryTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A token's value. Missing or soft-deleted → 404, expired → 410, password missing or wrong → 403 (one answer for both), locked after repeated wrong passwords → 429. Audited. */
        post: operations["readToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/read-many": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Many tokens' values with one password: items in request order, each a value or its own error. */
        post: operations["readTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a token's expiry (null: never), also for an expired record not yet purged. */
        post: operations["renewToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve { name: token } to { name: value }, all or nothing (the first failure by name is the answer). */
        post: operations["resolveTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a soft delete. */
        post: operations["restoreToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/soft-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Soft-delete a token: reads answer 404 until it is restored. */
        post: operations["softDeleteToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a live token's value (and data or expiry); its password is required when it has one. */
        post: operations["updateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/tokens/upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a caller-chosen token hold a value: created, updated (password required if set) or replaced. */
        post: operations["upsertToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/webhook-event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event type an endpoint can subscribe to (or `<resource>.*`, or none for all). */
        get: operations["listWebhookEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's webhook endpoints, oldest first (never their secrets). */
        get: operations["listWebhooks"];
        put?: never;
        /** Add an endpoint. The URL must reach a public address (private, link-local and metadata addresses are refused unless the server's allowlist names them). The answer carries the signing secret, this once. */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint (never its secret). */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Remove an endpoint with its deliveries and their log. */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change an endpoint's URL, description, event types or enabled state (enabling resets its failure count). */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/apps/{appId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries, newest first, optionally by status or event type. */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/webhooks/{webhookId}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempt log and the payload it sends. */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a finished delivery again on a fresh retry schedule, with the same webhook-id (409 while it is still pending). */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret (in the answer, this once). The old one keeps signing beside it for overlapMs (default 24 h; 0 stops it at once). */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{appId}/webhooks/{webhookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint now, once (no retries); the answer is the delivery after the attempt. */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling API key's app, id and scopes. */
        get: operations["whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ConfigSnapshot: {
            appId: string;
            entries: {
                key: string;
                value: components["schemas"]["JsonValue"];
                valueType: string;
                version: number;
            }[];
            overrides: {
                key: string;
                tenantId: string;
                value: components["schemas"]["JsonValue"];
                valueType: string;
                version: number;
            }[];
            revision: number;
        };
        ConfigSnapshotInput: {
            appId: string;
            entries: {
                key: string;
                value: components["schemas"]["JsonValueInput"];
                valueType: string;
                version: number;
            }[];
            overrides: {
                key: string;
                tenantId: string;
                value: components["schemas"]["JsonValueInput"];
                valueType: string;
                version: number;
            }[];
            revision: number;
        };
        Constraints: {
            /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
            attribute: string;
            /** @description Compare text ignoring case (string operators and regex). */
            caseInsensitive?: boolean;
            /** @description Match when the operator does not hold (the attribute must be present). */
            inverted?: boolean;
            /** @enum {string} */
            operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
            /** @description The operands; none for `exists`. */
            values?: (string | number | boolean)[];
        }[];
        ConstraintsInput: {
            /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
            attribute: string;
            /** @description Compare text ignoring case (string operators and regex). */
            caseInsensitive?: boolean;
            /** @description Match when the operator does not hold (the attribute must be present). */
            inverted?: boolean;
            /** @enum {string} */
            operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
            /** @description The operands; none for `exists`. */
            values?: (string | number | boolean)[];
        }[];
        Error: {
            error: {
                /** @description A VaultError code (see docs/http-api.md). */
                code: string;
                /** @description Machine-readable details (e.g. the fields at fault). */
                details: {
                    [key: string]: unknown;
                };
                /** @description What went wrong, for humans. */
                message: string;
                /** @description The request's id, also in the x-request-id header. */
                requestId: string;
            };
        };
        ErrorInput: {
            error: {
                /** @description A VaultError code (see docs/http-api.md). */
                code: string;
                /** @description Machine-readable details (e.g. the fields at fault). */
                details: {
                    [key: string]: unknown;
                };
                /** @description What went wrong, for humans. */
                message: string;
                /** @description The request's id, also in the x-request-id header. */
                requestId: string;
            };
        };
        EvaluationContext: {
            attributes?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            tenantId?: string;
            tenantTags?: string[];
            userId?: string;
        };
        EvaluationContextInput: {
            attributes?: {
                [key: string]: components["schemas"]["JsonValueInput"];
            };
            tenantId?: string;
            tenantTags?: string[];
            userId?: string;
        };
        EvaluationResult: {
            detail?: string;
            /** @enum {string} */
            errorCode?: "FLAG_NOT_FOUND" | "TYPE_MISMATCH" | "PARSE_ERROR" | "GENERAL";
            errorMessage?: string;
            /** @enum {string} */
            reason: "STATIC" | "DEFAULT" | "TARGETING_MATCH" | "SPLIT" | "DISABLED" | "ERROR";
            ruleId?: string;
            value: components["schemas"]["JsonValue"];
            variant?: string;
        };
        EvaluationResultInput: {
            detail?: string;
            /** @enum {string} */
            errorCode?: "FLAG_NOT_FOUND" | "TYPE_MISMATCH" | "PARSE_ERROR" | "GENERAL";
            errorMessage?: string;
            /** @enum {string} */
            reason: "STATIC" | "DEFAULT" | "TARGETING_MATCH" | "SPLIT" | "DISABLED" | "ERROR";
            ruleId?: string;
            value: components["schemas"]["JsonValueInput"];
            variant?: string;
        };
        Flag: {
            appId: string;
            /** Format: date-time */
            createdAt: string;
            defaultValue: components["schemas"]["JsonValue"];
            description: string;
            enabled: boolean;
            id: string;
            key: string;
            metadata: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            prerequisites: {
                flagKey: string;
                value: components["schemas"]["JsonValue"];
            }[];
            rules: components["schemas"]["FlagRule"][];
            tags: string[];
            /** @enum {string} */
            type: "bool" | "string" | "int" | "float" | "json";
            /** Format: date-time */
            updatedAt: string;
            variants: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            version: number;
        };
        FlagInput: {
            appId: string;
            createdAt: unknown;
            defaultValue: components["schemas"]["JsonValueInput"];
            description: string;
            enabled: boolean;
            id: string;
            key: string;
            metadata: {
                [key: string]: components["schemas"]["JsonValueInput"];
            };
            prerequisites: {
                flagKey: string;
                value: components["schemas"]["JsonValueInput"];
            }[];
            rules: components["schemas"]["FlagRuleInput"][];
            tags: string[];
            /** @enum {string} */
            type: "bool" | "string" | "int" | "float" | "json";
            updatedAt: unknown;
            variants: {
                [key: string]: components["schemas"]["JsonValueInput"];
            };
            version: number;
        };
        FlagRule: {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tenants: string[];
            /** @constant */
            type: "when_tenant";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tags: string[];
            /** @constant */
            type: "when_tenant_tag";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_user";
            users: string[];
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            attribute: string;
            caseInsensitive?: boolean;
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            inverted?: boolean;
            /** @enum {string} */
            operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_attribute";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The operands; none for `exists`. */
            values?: (string | number | boolean)[];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Hash namespace; defaults to the flag key. */
            groupId?: string;
            id: string;
            /** @description Whole percent of the stickiness values inside. */
            percentage: number;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @description `tenant` (default), `user`, or an attribute name. */
            stickiness?: string;
            /** @constant */
            type: "rollout";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
            /** @description A weighted split among variants. */
            variants?: {
                variant: string;
                weight: number;
            }[];
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description ISO 8601 date-time from which it matches. */
            from?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "schedule";
            /** @description ISO 8601 date-time until which it matches. */
            until?: string;
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description The name of an evaluator registered with the server. */
            evaluator: string;
            id: string;
            params?: components["schemas"]["JsonValue"];
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "custom";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        };
        FlagRuleInput: {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tenants: string[];
            /** @constant */
            type: "when_tenant";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tags: string[];
            /** @constant */
            type: "when_tenant_tag";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_user";
            users: string[];
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            attribute: string;
            caseInsensitive?: boolean;
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            id: string;
            inverted?: boolean;
            /** @enum {string} */
            operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_attribute";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The operands; none for `exists`. */
            values?: (string | number | boolean)[];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Hash namespace; defaults to the flag key. */
            groupId?: string;
            id: string;
            /** @description Whole percent of the stickiness values inside. */
            percentage: number;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @description `tenant` (default), `user`, or an attribute name. */
            stickiness?: string;
            /** @constant */
            type: "rollout";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
            /** @description A weighted split among variants. */
            variants?: {
                variant: string;
                weight: number;
            }[];
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description ISO 8601 date-time from which it matches. */
            from?: string;
            id: string;
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "schedule";
            /** @description ISO 8601 date-time until which it matches. */
            until?: string;
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description The name of an evaluator registered with the server. */
            evaluator: string;
            id: string;
            params?: components["schemas"]["JsonValueInput"];
            priority: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "custom";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        };
        FlagUsage: {
            flagKey: string;
            lastEvaluatedAt: string | null;
            total: number;
            variants: {
                count: number;
                variant: string | null;
            }[];
        };
        FlagUsageInput: {
            flagKey: string;
            lastEvaluatedAt: unknown | null;
            total: number;
            variants: {
                count: number;
                variant: string | null;
            }[];
        };
        /** @description Any JSON value. */
        JsonValue: JsonValue;
        /** @description Any JSON value. */
        JsonValueInput: JsonValue;
        NewFlagRule: {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tenants: string[];
            /** @constant */
            type: "when_tenant";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tags: string[];
            /** @constant */
            type: "when_tenant_tag";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_user";
            users: string[];
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            attribute: string;
            caseInsensitive?: boolean;
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            inverted?: boolean;
            /** @enum {string} */
            operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_attribute";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The operands; none for `exists`. */
            values?: (string | number | boolean)[];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Hash namespace; defaults to the flag key. */
            groupId?: string;
            /** @description Whole percent of the stickiness values inside. */
            percentage: number;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @description `tenant` (default), `user`, or an attribute name. */
            stickiness?: string;
            /** @constant */
            type: "rollout";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
            /** @description A weighted split among variants. */
            variants?: {
                variant: string;
                weight: number;
            }[];
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description ISO 8601 date-time from which it matches. */
            from?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "schedule";
            /** @description ISO 8601 date-time until which it matches. */
            until?: string;
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description The name of an evaluator registered with the server. */
            evaluator: string;
            params?: components["schemas"]["JsonValue"];
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "custom";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValue"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        };
        NewFlagRuleInput: {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tenants: string[];
            /** @constant */
            type: "when_tenant";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            tags: string[];
            /** @constant */
            type: "when_tenant_tag";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_user";
            users: string[];
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            attribute: string;
            caseInsensitive?: boolean;
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            inverted?: boolean;
            /** @enum {string} */
            operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "when_attribute";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The operands; none for `exists`. */
            values?: (string | number | boolean)[];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description Hash namespace; defaults to the flag key. */
            groupId?: string;
            /** @description Whole percent of the stickiness values inside. */
            percentage: number;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @description `tenant` (default), `user`, or an attribute name. */
            stickiness?: string;
            /** @constant */
            type: "rollout";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
            /** @description A weighted split among variants. */
            variants?: {
                variant: string;
                weight: number;
            }[];
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description ISO 8601 date-time from which it matches. */
            from?: string;
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "schedule";
            /** @description ISO 8601 date-time until which it matches. */
            until?: string;
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        } | {
            /** @description Conditions that must all hold for the rule to match. */
            constraints?: {
                /** @description An attribute name; `tenantId`, `userId`, `tenantTags` read the context's own fields. */
                attribute: string;
                /** @description Compare text ignoring case (string operators and regex). */
                caseInsensitive?: boolean;
                /** @description Match when the operator does not hold (the attribute must be present). */
                inverted?: boolean;
                /** @enum {string} */
                operator: "in" | "not_in" | "eq" | "neq" | "starts_with" | "ends_with" | "contains" | "regex" | "lt" | "lte" | "gt" | "gte" | "semver_eq" | "semver_lt" | "semver_lte" | "semver_gt" | "semver_gte" | "before" | "after" | "cidr" | "exists";
                /** @description The operands; none for `exists`. */
                values?: (string | number | boolean)[];
            }[];
            description?: string;
            /** @description The name of an evaluator registered with the server. */
            evaluator: string;
            params?: components["schemas"]["JsonValueInput"];
            /** @description Lower is tried first; unique per flag. */
            priority?: number;
            /** @description Keys of the app's segments that must all match for the rule to match. */
            segments?: string[];
            /** @constant */
            type: "custom";
            /** @description Returned when the rule matches (checked against the flag's type). Exclusive with variant. */
            value?: components["schemas"]["JsonValueInput"];
            /** @description The name of one of the flag's variants, returned when the rule matches. */
            variant?: string;
        };
        OfrepBulkEvaluationSuccess: {
            flags: (components["schemas"]["OfrepEvaluationSuccess"] | components["schemas"]["OfrepError"])[];
        };
        OfrepBulkEvaluationSuccessInput: {
            flags: (components["schemas"]["OfrepEvaluationSuccessInput"] | components["schemas"]["OfrepErrorInput"])[];
        };
        OfrepConfiguration: {
            capabilities: {
                cacheInvalidation: {
                    polling: {
                        enabled: boolean;
                        minPollingIntervalMs: number;
                    };
                };
                flagEvaluation: {
                    supportedTypes: string[];
                };
            };
            name: string;
        };
        OfrepConfigurationInput: {
            capabilities: {
                cacheInvalidation: {
                    polling: {
                        enabled: boolean;
                        minPollingIntervalMs: number;
                    };
                };
                flagEvaluation: {
                    supportedTypes: string[];
                };
            };
            name: string;
        };
        OfrepError: {
            /** @enum {string} */
            errorCode: "PARSE_ERROR" | "TARGETING_KEY_MISSING" | "INVALID_CONTEXT" | "FLAG_NOT_FOUND" | "GENERAL";
            errorDetails?: string;
            key?: string;
        };
        OfrepErrorInput: {
            /** @enum {string} */
            errorCode: "PARSE_ERROR" | "TARGETING_KEY_MISSING" | "INVALID_CONTEXT" | "FLAG_NOT_FOUND" | "GENERAL";
            errorDetails?: string;
            key?: string;
        };
        OfrepEvaluationRequest: {
            context?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        OfrepEvaluationRequestInput: {
            context?: {
                [key: string]: components["schemas"]["JsonValueInput"];
            };
        };
        OfrepEvaluationSuccess: {
            key: string;
            metadata?: {
                [key: string]: string | number | boolean;
            };
            reason: string;
            value: components["schemas"]["JsonValue"];
            variant?: string;
        };
        OfrepEvaluationSuccessInput: {
            key: string;
            metadata?: {
                [key: string]: string | number | boolean;
            };
            reason: string;
            value: components["schemas"]["JsonValueInput"];
            variant?: string;
        };
        Segment: {
            appId: string;
            constraints: components["schemas"]["Constraints"];
            /** Format: date-time */
            createdAt: string;
            description: string;
            id: string;
            key: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        SegmentInput: {
            appId: string;
            constraints: components["schemas"]["ConstraintsInput"];
            createdAt: unknown;
            description: string;
            id: string;
            key: string;
            updatedAt: unknown;
            version: number;
        };
        StaleFlag: {
            key: string;
            lastEvaluatedAt: string | null;
            reasons: ("not_evaluated" | "fully_rolled_out")[];
            servesValue?: components["schemas"]["JsonValue"];
            /** Format: date-time */
            updatedAt: string;
        };
        StaleFlagInput: {
            key: string;
            lastEvaluatedAt: unknown | null;
            reasons: ("not_evaluated" | "fully_rolled_out")[];
            servesValue?: components["schemas"]["JsonValueInput"];
            updatedAt: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ofrepConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepConfiguration"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
        };
    };
    ofrepEvaluateFlags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfrepEvaluationRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepBulkEvaluationSuccess"];
                };
            };
            /** @description not modified: the answer would be the one the If-None-Match ETag names */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
        };
    };
    ofrepEvaluateFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfrepEvaluationRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepEvaluationSuccess"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfrepError"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database: boolean;
                        pendingMigrations: number | null;
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not ready: the same body, with status unavailable. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database: boolean;
                        pendingMigrations: number | null;
                        /** @enum {string} */
                        status: "ready" | "unavailable";
                    };
                };
            };
        };
    };
    kekStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activeKekId: string;
                        byKek: {
                            [key: string]: number;
                        };
                        bySubsystem: {
                            blobs: {
                                byKek: {
                                    [key: string]: number;
                                };
                                pending: number;
                            };
                            secrets: {
                                byKek: {
                                    [key: string]: number;
                                };
                                pending: number;
                            };
                            tokens: {
                                byKek: {
                                    [key: string]: number;
                                };
                                pending: number;
                            };
                            webhooks: {
                                byKek: {
                                    [key: string]: number;
                                };
                                pending: number;
                            };
                        };
                        kekIds: string[];
                        /** @enum {string} */
                        keyringSource: "file" | "environment";
                        pending: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rewrapKeks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bySubsystem: {
                            blobs: number;
                            secrets: number;
                            tokens: number;
                            webhooks: number;
                        };
                        rewrapped: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateKek: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bySubsystem: {
                            blobs: number;
                            secrets: number;
                            tokens: number;
                            webhooks: number;
                        };
                        kekId: string;
                        previousKekId: string;
                        rewrapped: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            name: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    metadata?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        name: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        name: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                cursor?: string;
                includeRevoked?: "true" | "false";
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                            scopes: ("secrets:read" | "secrets:write" | "flags:read" | "flags:write" | "flags:evaluate" | "config:read" | "config:write" | "audit:read" | "tokens:read" | "tokens:write" | "blobs:read" | "blobs:write" | "blobs:admin" | "webhooks:read" | "webhooks:write" | "admin")[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("secrets:read" | "secrets:write" | "flags:read" | "flags:write" | "flags:evaluate" | "config:read" | "config:write" | "audit:read" | "tokens:read" | "tokens:write" | "blobs:read" | "blobs:write" | "blobs:admin" | "webhooks:read" | "webhooks:write" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apiKey: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                            scopes: ("secrets:read" | "secrets:write" | "flags:read" | "flags:write" | "flags:evaluate" | "config:read" | "config:write" | "audit:read" | "tokens:read" | "tokens:write" | "blobs:read" | "blobs:write" | "blobs:admin" | "webhooks:read" | "webhooks:write" | "admin")[];
                        };
                        key: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        id: string;
                        lastUsedAt: string | null;
                        name: string;
                        prefix: string;
                        revokedAt: string | null;
                        scopes: ("secrets:read" | "secrets:write" | "flags:read" | "flags:write" | "flags:evaluate" | "config:read" | "config:write" | "audit:read" | "tokens:read" | "tokens:write" | "blobs:read" | "blobs:write" | "blobs:admin" | "webhooks:read" | "webhooks:write" | "admin")[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    queryAudit: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                cursor?: string;
                from?: string;
                key?: string;
                limit?: number;
                outcome?: "success" | "failure" | "denied";
                resource?: string;
                tenantId?: string;
                to?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            action: string;
                            actor: {
                                apiKeyId: string | null;
                                appId: string | null;
                                system: string | null;
                                userId: string | null;
                            };
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            hash: string | null;
                            id: string;
                            ip: string | null;
                            key: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            outcome: "success" | "failure" | "denied";
                            prevHash: string | null;
                            requestId: string | null;
                            resource: string;
                            seq: number;
                            tenantId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportAudit: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                from?: string;
                key?: string;
                outcome?: "success" | "failure" | "denied";
                resource?: string;
                tenantId?: string;
                to?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": {
                        action: string;
                        actor: {
                            apiKeyId: string | null;
                            appId: string | null;
                            system: string | null;
                            userId: string | null;
                        };
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        hash: string | null;
                        id: string;
                        ip: string | null;
                        key: string | null;
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        outcome: "success" | "failure" | "denied";
                        prevHash: string | null;
                        requestId: string | null;
                        resource: string;
                        seq: number;
                        tenantId: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checked?: number;
                        lastHash?: string;
                        lastSeq?: number;
                        ok: boolean;
                        pending?: number;
                        problem?: {
                            id?: string | null;
                            /** @enum {string} */
                            kind: "changed" | "removed" | "reordered";
                            message?: string;
                            seq?: number;
                        };
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBlobPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            access: "owner-only" | "same-purpose" | "open-retrieve" | "admin-only";
                            allowedApps: string[];
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            defaultTtlDays: number;
                            grantedKeys: string[];
                            maxRetentionDays: number;
                            maxRetrievals: number | null;
                            purpose: string;
                            requireIdentity: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBlobPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                purpose: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        access: "owner-only" | "same-purpose" | "open-retrieve" | "admin-only";
                        allowedApps: string[];
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        defaultTtlDays: number;
                        grantedKeys: string[];
                        maxRetentionDays: number;
                        maxRetrievals: number | null;
                        purpose: string;
                        requireIdentity: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setBlobPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                purpose: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    access?: "owner-only" | "same-purpose" | "open-retrieve" | "admin-only";
                    allowedApps?: string[];
                    defaultTtlDays: number;
                    grantedKeys?: string[];
                    maxRetentionDays: number;
                    maxRetrievals?: number | null;
                    requireIdentity?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        entriesShortened: number;
                        policy: {
                            /** @enum {string} */
                            access: "owner-only" | "same-purpose" | "open-retrieve" | "admin-only";
                            allowedApps: string[];
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            defaultTtlDays: number;
                            grantedKeys: string[];
                            maxRetentionDays: number;
                            maxRetrievals: number | null;
                            purpose: string;
                            requireIdentity: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBlobs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description who is acting (a user, a service): owns what it stores; required by purposes with requireIdentity */
                "x-vault-identity"?: string;
            };
            path: {
                appId: string;
                purpose: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            blobId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            maxRetrievals: number | null;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            owner: string;
                            purpose: string;
                            retrievals: number;
                            retrievalsLeft: number | null;
                            size: number;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBlob: {
        parameters: {
            query?: never;
            header?: {
                /** @description who is acting (a user, a service): owns what it stores; required by purposes with requireIdentity */
                "x-vault-identity"?: string;
            };
            path: {
                appId: string;
                id: string;
                purpose: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: byte */
                        data: string;
                        meta: {
                            appId: string;
                            blobId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            maxRetrievals: number | null;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            owner: string;
                            purpose: string;
                            retrievals: number;
                            retrievalsLeft: number | null;
                            size: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                    "application/octet-stream": Blob;
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putBlob: {
        parameters: {
            query?: never;
            header?: {
                /** @description who is acting (a user, a service): owns what it stores; required by purposes with requireIdentity */
                "x-vault-identity"?: string;
            };
            path: {
                appId: string;
                id: string;
                purpose: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: string;
                    /** Format: date-time */
                    expiresAt?: string;
                    maxRetrievals?: number;
                    metadata?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                };
                "application/octet-stream": Blob;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meta: {
                            appId: string;
                            blobId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            id: string;
                            maxRetrievals: number | null;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            owner: string;
                            purpose: string;
                            retrievals: number;
                            retrievalsLeft: number | null;
                            size: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        replaced: boolean;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteBlob: {
        parameters: {
            query?: never;
            header?: {
                /** @description who is acting (a user, a service): owns what it stores; required by purposes with requireIdentity */
                "x-vault-identity"?: string;
            };
            path: {
                appId: string;
                id: string;
                purpose: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        blobId: string;
                        contentDigest: string;
                        id: string;
                        proof: string;
                        /** Format: date-time */
                        purgedAt: string;
                        purpose: string;
                        /** @enum {string} */
                        reason: "deleted" | "expired" | "exhausted" | "shredded" | "replaced";
                        size: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "checkBlob-head": {
        parameters: {
            query?: never;
            header?: {
                /** @description who is acting (a user, a service): owns what it stores; required by purposes with requireIdentity */
                "x-vault-identity"?: string;
            };
            path: {
                appId: string;
                id: string;
                purpose: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    shredBlobOwner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    owner: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: number;
                        shredded: boolean;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    blobSweepStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        due: number;
                        lastRun: {
                            appId: string | null;
                            batches: number;
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            purged: number;
                            /** Format: date-time */
                            startedAt: string;
                            /** @enum {string} */
                            trigger: "schedule" | "manual";
                        } | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sweepBlobs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    maxBatches?: number;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string | null;
                        batches: number;
                        error: string | null;
                        finishedAt: string | null;
                        id: string;
                        purged: number;
                        /** Format: date-time */
                        startedAt: string;
                        /** @enum {string} */
                        trigger: "schedule" | "manual";
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyBlobProof: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: byte */
                    content?: string;
                    proof: {
                        appId: string;
                        blobId: string;
                        contentDigest: string;
                        id: string;
                        proof: string;
                        /** Format: date-time */
                        purgedAt: string;
                        purpose: string;
                        /** @enum {string} */
                        reason: "deleted" | "expired" | "exhausted" | "shredded" | "replaced";
                        size: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contentMatches: boolean | null;
                        recorded: boolean;
                        valid: boolean;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    blobComplianceReport: {
        parameters: {
            query?: {
                format?: "json" | "html";
                from?: string;
                to?: string;
                verifyAudit?: "true" | "false";
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access: {
                            available: boolean;
                            denials: number;
                            denialsByIdentity: {
                                denials: number;
                                identity: string;
                            }[];
                            failedRetrievals: number;
                            retrievals: number;
                            retrievalsByIdentity: {
                                identity: string;
                                retrievals: number;
                            }[];
                        };
                        appId: string;
                        auditChain: {
                            available: boolean;
                            checked: number;
                            problem: string | null;
                            verified: boolean | null;
                        };
                        /** Format: date-time */
                        generatedAt: string;
                        inventory: {
                            purposes: {
                                active: number;
                                bytes: number;
                                expiredPendingPurge: number;
                                expiringWithin30Days: number;
                                policy: {
                                    /** @enum {string} */
                                    access: "owner-only" | "same-purpose" | "open-retrieve" | "admin-only";
                                    allowedApps: string[];
                                    defaultTtlDays: number;
                                    maxRetentionDays: number;
                                    maxRetrievals: number | null;
                                    requireIdentity: boolean;
                                } | null;
                                purpose: string;
                                shreddedPendingPurge: number;
                            }[];
                            totals: {
                                active: number;
                                bytes: number;
                                expiredPendingPurge: number;
                                expiringWithin30Days: number;
                                shreddedPendingPurge: number;
                            };
                        };
                        period: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        };
                        purge: {
                            allProofsAvailable: boolean;
                            duePending: number;
                            lastSweep: {
                                appId: string | null;
                                batches: number;
                                error: string | null;
                                finishedAt: string | null;
                                id: string;
                                purged: number;
                                /** Format: date-time */
                                startedAt: string;
                                /** @enum {string} */
                                trigger: "schedule" | "manual";
                            } | null;
                            proofsAvailable: number;
                            purgedByReason: {
                                [key: string]: number;
                            };
                            purgedInPeriod: number;
                        };
                        retention: {
                            conforming: boolean;
                            entries: {
                                blobId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                id: string;
                                maxRetentionDays: number | null;
                                purpose: string;
                            }[];
                            violations: number;
                        };
                    };
                    "text/html": string;
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConfig: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                prefix?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            id: string;
                            key: string;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            schema: {
                                [key: string]: unknown;
                            } | null;
                            /** Format: date-time */
                            updatedAt: string;
                            value: components["schemas"]["JsonValue"];
                            /** @enum {string} */
                            valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConfigSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigSnapshot"];
                };
            };
            /** @description not modified (the If-None-Match revision is current) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        id: string;
                        key: string;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        schema: {
                            [key: string]: unknown;
                        } | null;
                        /** Format: date-time */
                        updatedAt: string;
                        value: components["schemas"]["JsonValue"];
                        /** @enum {string} */
                        valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cas?: number;
                    description?: string | null;
                    metadata?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    schema?: {
                        [key: string]: unknown;
                    } | null;
                    value: components["schemas"]["JsonValueInput"];
                    /** @enum {string} */
                    valueType?: "string" | "bool" | "int" | "float" | "duration" | "json";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        id: string;
                        key: string;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        schema: {
                            [key: string]: unknown;
                        } | null;
                        /** Format: date-time */
                        updatedAt: string;
                        value: components["schemas"]["JsonValue"];
                        /** @enum {string} */
                        valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteConfig: {
        parameters: {
            query?: {
                cas?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOverridesByKey: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            id: string;
                            key: string;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            tenantId: string;
                            /** Format: date-time */
                            updatedAt: string;
                            value: components["schemas"]["JsonValue"];
                            /** @enum {string} */
                            valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        id: string;
                        key: string;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        tenantId: string;
                        /** Format: date-time */
                        updatedAt: string;
                        value: components["schemas"]["JsonValue"];
                        /** @enum {string} */
                        valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cas?: number;
                    description?: string | null;
                    metadata?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    value: components["schemas"]["JsonValueInput"];
                    /** @enum {string} */
                    valueType?: "string" | "bool" | "int" | "float" | "duration" | "json";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        id: string;
                        key: string;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        tenantId: string;
                        /** Format: date-time */
                        updatedAt: string;
                        value: components["schemas"]["JsonValue"];
                        /** @enum {string} */
                        valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOverride: {
        parameters: {
            query?: {
                cas?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resolveConfig: {
        parameters: {
            query?: {
                tenantId?: string;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        /** @enum {string} */
                        source: "override" | "app";
                        tenantId: string | null;
                        value: components["schemas"]["JsonValue"];
                        /** @enum {string} */
                        valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rollbackConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cas?: number;
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        description: string | null;
                        id: string;
                        key: string;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        schema: {
                            [key: string]: unknown;
                        } | null;
                        /** Format: date-time */
                        updatedAt: string;
                        value: components["schemas"]["JsonValue"];
                        /** @enum {string} */
                        valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConfigVersions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            key: string;
                            rolledBackFrom: number | null;
                            value: components["schemas"]["JsonValue"];
                            /** @enum {string} */
                            valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    evaluateAllFlags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationContextInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: components["schemas"]["EvaluationResult"];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlagUsage: {
        parameters: {
            query?: {
                days?: number;
                flagKey?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FlagUsage"][];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reportFlagUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    counts: {
                        count: number;
                        flagKey: string;
                        variant?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        ignored: {
                            flagKey: string;
                            reason: string;
                            variant?: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listFlags: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                prefix?: string;
                tag?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Flag"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    defineFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    defaultValue: components["schemas"]["JsonValueInput"];
                    description?: string;
                    enabled?: boolean;
                    key: string;
                    metadata?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    prerequisites?: {
                        flagKey: string;
                        value: components["schemas"]["JsonValueInput"];
                    }[];
                    rules?: components["schemas"]["NewFlagRuleInput"][];
                    tags?: string[];
                    /** @enum {string} */
                    type: "bool" | "string" | "int" | "float" | "json";
                    variants?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flag"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flag"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFlag: {
        parameters: {
            query?: {
                cas?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cas?: number;
                    defaultValue?: components["schemas"]["JsonValueInput"];
                    description?: string;
                    enabled?: boolean;
                    metadata?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    prerequisites?: {
                        flagKey: string;
                        value: components["schemas"]["JsonValueInput"];
                    }[];
                    tags?: string[];
                    /** @enum {string} */
                    type?: "bool" | "string" | "int" | "float" | "json";
                    variants?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flag"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    evaluateFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationContextInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationResult"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listFlagOverrides: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            flagKey: string;
                            id: string;
                            tenantId: string;
                            /** Format: date-time */
                            updatedAt: string;
                            value: components["schemas"]["JsonValue"];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setFlagOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: components["schemas"]["JsonValueInput"];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        flagKey: string;
                        id: string;
                        tenantId: string;
                        /** Format: date-time */
                        updatedAt: string;
                        value: components["schemas"]["JsonValue"];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFlagOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setFlagRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cas?: number;
                    rules: components["schemas"]["NewFlagRuleInput"][];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flag"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listFlagUserOverrides: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            flagKey: string;
                            id: string;
                            /** Format: date-time */
                            updatedAt: string;
                            userId: string;
                            value: components["schemas"]["JsonValue"];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setFlagUserOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: components["schemas"]["JsonValueInput"];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        flagKey: string;
                        id: string;
                        /** Format: date-time */
                        updatedAt: string;
                        userId: string;
                        value: components["schemas"]["JsonValue"];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFlagUserOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resolveAllConfig: {
        parameters: {
            query?: {
                tenantId?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenantId: string | null;
                        values: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRotationPolicies: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            enabled: boolean;
                            failures: number;
                            id: string;
                            intervalMs: number;
                            lastError: string | null;
                            lastRotatedAt: string | null;
                            leaseUntil: string | null;
                            /** Format: date-time */
                            nextRotationAt: string;
                            params: {
                                [key: string]: unknown;
                            };
                            retryAt: string | null;
                            secretKey: string;
                            /** @enum {string} */
                            strategy: "random_password" | "random_bytes" | "custom";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRotationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        enabled: boolean;
                        failures: number;
                        id: string;
                        intervalMs: number;
                        lastError: string | null;
                        lastRotatedAt: string | null;
                        leaseUntil: string | null;
                        /** Format: date-time */
                        nextRotationAt: string;
                        params: {
                            [key: string]: unknown;
                        };
                        retryAt: string | null;
                        secretKey: string;
                        /** @enum {string} */
                        strategy: "random_password" | "random_bytes" | "custom";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putRotationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled?: boolean;
                    intervalMs: number;
                    params?: {
                        [key: string]: unknown;
                    };
                    /** @enum {string} */
                    strategy: "random_password" | "random_bytes" | "custom";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        enabled: boolean;
                        failures: number;
                        id: string;
                        intervalMs: number;
                        lastError: string | null;
                        lastRotatedAt: string | null;
                        leaseUntil: string | null;
                        /** Format: date-time */
                        nextRotationAt: string;
                        params: {
                            [key: string]: unknown;
                        };
                        retryAt: string | null;
                        secretKey: string;
                        /** @enum {string} */
                        strategy: "random_password" | "random_bytes" | "custom";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteRotationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRotationRecords: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                secretKey?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            actor: string | null;
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            error: string | null;
                            id: string;
                            newVersion: number | null;
                            oldVersion: number | null;
                            /** @enum {string} */
                            outcome: "success" | "failure";
                            policyId: string | null;
                            secretKey: string;
                            /** @enum {string} */
                            trigger: "manual" | "schedule";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSecrets: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                prefix?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            key: string;
                            maxVersions: number;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSecret: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        encoding: "utf8" | "base64";
                        meta: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            key: string;
                            maxVersions: number;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                        value: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cas?: number;
                    /**
                     * @default utf8
                     * @enum {string}
                     */
                    encoding?: "utf8" | "base64";
                    expiresAt?: string | null;
                    maxVersions?: number;
                    metadata?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    value: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        expiresAt: string | null;
                        id: string;
                        key: string;
                        maxVersions: number;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSecret: {
        parameters: {
            query?: {
                versions?: string;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: number[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "checkSecret-head": {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    destroySecretVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    versions: number[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: number[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSecretMeta: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        expiresAt: string | null;
                        id: string;
                        key: string;
                        maxVersions: number;
                        metadata: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    purgeSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        key: string;
                        proof: string;
                        /** Format: date-time */
                        purgedAt: string;
                        secretId: string;
                        versionsRemoved: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateSecretNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: string | null;
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        error: string | null;
                        id: string;
                        newVersion: number | null;
                        oldVersion: number | null;
                        /** @enum {string} */
                        outcome: "success" | "failure";
                        policyId: string | null;
                        secretKey: string;
                        /** @enum {string} */
                        trigger: "manual" | "schedule";
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    undeleteSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    versions?: number[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        versions: number[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSecretVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            deletedAt: string | null;
                            destroyedAt: string | null;
                            id: string;
                            kekId: string | null;
                            /** @enum {string} */
                            state: "active" | "deleted" | "destroyed";
                            version: number;
                        }[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSegments: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                prefix?: string;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Segment"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    defineSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    constraints: components["schemas"]["ConstraintsInput"];
                    description?: string;
                    key: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSegment: {
        parameters: {
            query?: {
                cas?: number;
            };
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cas?: number;
                    constraints?: components["schemas"]["ConstraintsInput"];
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Segment"];
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFlagSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        flags: {
                            [key: string]: unknown;
                        }[];
                        format?: number;
                        revision: number;
                        segments?: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description not modified (the If-None-Match revision is current) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStaleFlags: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaleFlag"][];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamChanges: {
        parameters: {
            query?: never;
            header?: {
                /** @description The id of the last event received: resume after it. */
                "last-event-id"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOverridesByTenant: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                prefix?: string;
            };
            header?: never;
            path: {
                appId: string;
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            id: string;
                            key: string;
                            metadata: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            tenantId: string;
                            /** Format: date-time */
                            updatedAt: string;
                            value: components["schemas"]["JsonValue"];
                            /** @enum {string} */
                            valueType: "string" | "bool" | "int" | "float" | "duration" | "json";
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                cursor?: string;
                includeDeleted?: "true" | "false";
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            data: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            deletedAt: string | null;
                            expiresAt: string | null;
                            id: string;
                            passwordProtected: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description the record's password, as an alternative to the body field */
                "x-vault-token-password"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    /**
                     * @default utf8
                     * @enum {string}
                     */
                    encoding?: "utf8" | "base64";
                    expiresAt?: string | null;
                    /** @description the record's password (never logged) */
                    password?: string;
                    /** @description a token of your choosing (accepted once) */
                    token?: string;
                    tokenLength?: number;
                    /** @description the value: text, or base64 with encoding: base64 */
                    value: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meta: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            data: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            deletedAt: string | null;
                            expiresAt: string | null;
                            id: string;
                            passwordProtected: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                        /** @description shown once: only its HMAC is stored */
                        token: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTokens: {
        parameters: {
            query?: never;
            header?: {
                /** @description the record's password, as an alternative to the body field */
                "x-vault-token-password"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    /**
                     * @default utf8
                     * @enum {string}
                     */
                    encoding?: "utf8" | "base64";
                    expiresAt?: string | null;
                    /** @description the record's password (never logged) */
                    password?: string;
                    tokenLength?: number;
                    values: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            meta: {
                                appId: string;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: components["schemas"]["JsonValue"];
                                };
                                deletedAt: string | null;
                                expiresAt: string | null;
                                id: string;
                                passwordProtected: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            };
                            /** @description shown once: only its HMAC is stored */
                            token: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeTokenPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPassword: string | null;
                    oldPassword: string | null;
                    /** @description a token (never logged) */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        deletedAt: string | null;
                        expiresAt: string | null;
                        id: string;
                        passwordProtected: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeAllTokenPasswords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the record's password (never logged) */
                    newPassword: string;
                    /** @description the record's password (never logged) */
                    oldPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passwordKeys: number;
                        records: number;
                        rewrappedRecords: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a token (never logged) */
                    token: string;
                };
            };
        };
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    tokenExists: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a token (never logged) */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        exists: boolean;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    purgeExpiredTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    soft?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    queryTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    columns?: ("id" | "appId" | "data" | "passwordProtected" | "version" | "expiresAt" | "deletedAt" | "createdAt" | "updatedAt")[];
                    /** @description answer { count } only (limit, offset, cursor and order ignored) */
                    countOnly?: boolean;
                    /** Format: date-time */
                    createdFrom?: string;
                    /** Format: date-time */
                    createdTo?: string;
                    cursor?: string;
                    /** @enum {string} */
                    direction?: "asc" | "desc";
                    /** Format: date-time */
                    expiresFrom?: string;
                    /** Format: date-time */
                    expiresTo?: string;
                    ids?: string[];
                    includeDeleted?: boolean;
                    limit?: number;
                    offset?: number;
                    /** @enum {string} */
                    orderBy?: "createdAt" | "updatedAt" | "expiresAt" | "id";
                    tokens?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId?: string;
                            /** Format: date-time */
                            createdAt?: string;
                            data?: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            deletedAt?: string | null;
                            expiresAt?: string | null;
                            id: string;
                            passwordProtected?: boolean;
                            /** Format: date-time */
                            updatedAt?: string;
                            version?: number;
                        }[];
                        nextCursor: string | null;
                    } | {
                        count: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    readToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description the record's password, as an alternative to the body field */
                "x-vault-token-password"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the record's password (never logged) */
                    password?: string;
                    /** @description a token (never logged) */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        encoding: "utf8" | "base64";
                        meta: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            data: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            deletedAt: string | null;
                            expiresAt: string | null;
                            id: string;
                            passwordProtected: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                        value: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    readTokens: {
        parameters: {
            query?: never;
            header?: {
                /** @description the record's password, as an alternative to the body field */
                "x-vault-token-password"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the record's password (never logged) */
                    password?: string;
                    tokens: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            encoding?: "utf8" | "base64";
                            error?: {
                                code: string;
                                message: string;
                            };
                            meta?: {
                                appId: string;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: components["schemas"]["JsonValue"];
                                };
                                deletedAt: string | null;
                                expiresAt: string | null;
                                id: string;
                                passwordProtected: boolean;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            };
                            ok: boolean;
                            value?: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    renewToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expiresAt: string | null;
                    /** @description a token (never logged) */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        deletedAt: string | null;
                        expiresAt: string | null;
                        id: string;
                        passwordProtected: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resolveTokens: {
        parameters: {
            query?: never;
            header?: {
                /** @description the record's password, as an alternative to the body field */
                "x-vault-token-password"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the record's password (never logged) */
                    password?: string;
                    tokens: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        values: {
                            [key: string]: {
                                /** @enum {string} */
                                encoding: "utf8" | "base64";
                                value: string;
                            };
                        };
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    restoreToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a token (never logged) */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        deletedAt: string | null;
                        expiresAt: string | null;
                        id: string;
                        passwordProtected: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    softDeleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a token (never logged) */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        deletedAt: string | null;
                        expiresAt: string | null;
                        id: string;
                        passwordProtected: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description the record's password, as an alternative to the body field */
                "x-vault-token-password"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    /**
                     * @default utf8
                     * @enum {string}
                     */
                    encoding?: "utf8" | "base64";
                    expiresAt?: string | null;
                    /** @description the record's password (never logged) */
                    password?: string;
                    /** @description a token (never logged) */
                    token: string;
                    /** @description the value: text, or base64 with encoding: base64 */
                    value: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        /** Format: date-time */
                        createdAt: string;
                        data: {
                            [key: string]: components["schemas"]["JsonValue"];
                        };
                        deletedAt: string | null;
                        expiresAt: string | null;
                        id: string;
                        passwordProtected: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    upsertToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description the record's password, as an alternative to the body field */
                "x-vault-token-password"?: string;
            };
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data?: {
                        [key: string]: components["schemas"]["JsonValueInput"];
                    };
                    /**
                     * @default utf8
                     * @enum {string}
                     */
                    encoding?: "utf8" | "base64";
                    expiresAt?: string | null;
                    /** @description the record's password (never logged) */
                    password?: string;
                    /** @description a token (never logged) */
                    token: string;
                    /** @description the value: text, or base64 with encoding: base64 */
                    value: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meta: {
                            appId: string;
                            /** Format: date-time */
                            createdAt: string;
                            data: {
                                [key: string]: components["schemas"]["JsonValue"];
                            };
                            deletedAt: string | null;
                            expiresAt: string | null;
                            id: string;
                            passwordProtected: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                        /** @enum {string} */
                        outcome: "created" | "updated" | "replaced";
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: string[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            disabledReason: string | null;
                            enabled: boolean;
                            eventTypes: string[];
                            id: string;
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    enabled?: boolean;
                    eventTypes?: string[];
                    url: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: {
                            appId: string;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            disabledReason: string | null;
                            enabled: boolean;
                            eventTypes: string[];
                            id: string;
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        };
                        secret: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        disabledReason: string | null;
                        enabled: boolean;
                        eventTypes: string[];
                        id: string;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    enabled?: boolean;
                    eventTypes?: string[];
                    url?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        disabledReason: string | null;
                        enabled: boolean;
                        eventTypes: string[];
                        id: string;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                eventType?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                appId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appId: string;
                            attempts: number;
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            endpointId: string;
                            eventId: string;
                            eventType: string;
                            id: string;
                            lastAttemptAt: string | null;
                            lastDurationMs: number | null;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                deliveryId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        attemptLog: {
                            attempt: number;
                            durationMs: number;
                            error: string | null;
                            info: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            outcome: "succeeded" | "failed";
                            /** Format: date-time */
                            startedAt: string;
                            statusCode: number | null;
                        }[];
                        attempts: number;
                        completedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        endpointId: string;
                        eventId: string;
                        eventType: string;
                        id: string;
                        lastAttemptAt: string | null;
                        lastDurationMs: number | null;
                        lastError: string | null;
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        payload: {
                            data: {
                                actor: {
                                    [key: string]: string;
                                } | null;
                                appId: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                key: string | null;
                                resource: string;
                                tenantId: string | null;
                                version: number | null;
                            };
                            timestamp: string;
                            type: string;
                        };
                        /** @enum {string} */
                        status: "pending" | "succeeded" | "failed";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                deliveryId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        attempts: number;
                        completedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        endpointId: string;
                        eventId: string;
                        eventType: string;
                        id: string;
                        lastAttemptAt: string | null;
                        lastDurationMs: number | null;
                        lastError: string | null;
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        /** @enum {string} */
                        status: "pending" | "succeeded" | "failed";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    overlapMs?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: {
                            appId: string;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            disabledReason: string | null;
                            enabled: boolean;
                            eventTypes: string[];
                            id: string;
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        };
                        secret: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appId: string;
                        attempts: number;
                        completedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        endpointId: string;
                        eventId: string;
                        eventType: string;
                        id: string;
                        lastAttemptAt: string | null;
                        lastDurationMs: number | null;
                        lastError: string | null;
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        /** @enum {string} */
                        status: "pending" | "succeeded" | "failed";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apiKeyId: string;
                        appId: string;
                        instanceAdmin: boolean;
                        scopes: ("secrets:read" | "secrets:write" | "flags:read" | "flags:write" | "flags:evaluate" | "config:read" | "config:write" | "audit:read" | "tokens:read" | "tokens:write" | "blobs:read" | "blobs:write" | "blobs:admin" | "webhooks:read" | "webhooks:write" | "admin")[];
                    };
                };
            };
            /** @description VALIDATION: the request is malformed; `details.issues` names the fields. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAUTHENTICATED: no valid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FORBIDDEN: the key lacks the scope this operation needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description NOT_FOUND: no such object (or it belongs to another app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description CONFLICT or ALREADY_EXISTS: a check-and-set did not match, or the object exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EXPIRED or GONE: the object exists no longer. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: send application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TYPE_MISMATCH or RETENTION_VIOLATION: a value does not fit its declared type or policy. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED: too many requests; retry later. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INTERNAL or DECRYPTION_FAILED: our failure; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNAVAILABLE or KEY_UNAVAILABLE: a dependency is away; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
