import { jsonValueSchema } from "@vault/core";
import { z } from "zod";
import { hasScope } from "../../auth/scopes";
import { ifNoneMatchHits } from "../etag";
import { defineRoute, type RouteDef } from "../route";
import { parseEventId, type StreamTopic } from "../stream/event-id";
import { appParams } from "./schemas";

const configSnapshotValue = {
  key: z.string(),
  value: jsonValueSchema,
  valueType: z.string(),
  version: z.number().int(),
};

export const configSnapshotSchema = z
  .object({
    revision: z.number().int(),
    appId: z.string(),
    entries: z.array(z.object(configSnapshotValue)),
    overrides: z.array(z.object({ ...configSnapshotValue, tenantId: z.string() })),
  })
  .meta({ id: "ConfigSnapshot" });

const STREAM_DESCRIPTION = `Server-Sent Events. On connect: a \`flags\` event (the flag snapshot, as GET /snapshot) if the key has flags:read or flags:evaluate, a \`config\` event (the config snapshot, as GET /config-snapshot) if it has config:read, then \`ready\`. Afterwards one event with the new snapshot each time a revision moves, and a \`: heartbeat\` comment every 15 s. Each event's id is \`<flags revision>.<config revision>\`; reconnecting with it as Last-Event-ID sends only what moved since. A client that leaves more than 1 MiB unread is disconnected (it resumes on reconnect).`;

/** What services keep in sync with: the live stream, and the config snapshot for clients that poll. */
export function streamRoutes(): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/stream",
      operationId: "streamChanges",
      summary: "A live stream of the app's flag and config snapshots (SSE; Last-Event-ID resumes).",
      tag: "stream",
      auth: { kind: "app", scope: ["flags:read", "flags:evaluate", "config:read"] },
      params: appParams,
      headers: z.object({
        "last-event-id": z.string().max(64).optional().describe("The id of the last event received: resume after it."),
      }),
      response: z.string().describe(STREAM_DESCRIPTION),
      produces: "text/event-stream",
      audited: false,
      handler: async ({ params, auth, request, reply }) => {
        const scopes = auth?.scopes ?? [];
        const topics = new Set<StreamTopic>();
        if (hasScope(scopes, "flags:read") || hasScope(scopes, "flags:evaluate")) topics.add("flags");
        if (hasScope(scopes, "config:read")) topics.add("config");
        const hub = request.server.streamHub;
        // Read the snapshots before answering: a database that is away gets the caller a 503, not an empty stream.
        const channel = await hub.prepare(params.appId, topics);
        if (reply.sent || request.raw.destroyed) {
          hub.abandon(params.appId, channel);
          return reply;
        }
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache, no-transform",
          "x-accel-buffering": "no", // nginx and others: pass events on as they come
          // When the stream ends (shutdown, a dropped client) the socket goes with it: nothing for a server that is
          // closing to wait for.
          connection: "close",
          "x-request-id": request.id,
        });
        raw.socket?.setNoDelay(true);
        const detach = hub.attach(params.appId, channel, {
          raw,
          topics,
          position: parseEventId(request.headers["last-event-id"] as string | undefined),
        });
        // Authenticated once, here: a key revoked while its stream is open must not go on reading through it.
        const unwatch = auth ? request.server.streamKeys.add(auth.apiKeyId, raw) : () => {};
        raw.on("close", () => {
          unwatch();
          detach();
        });
        return reply;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/v1/apps/:appId/config-snapshot",
      operationId: "getConfigSnapshot",
      summary:
        "The app's config entries and every tenant's overrides, to resolve locally; ETag is the revision (If-None-Match → 304).",
      tag: "config",
      auth: { kind: "app", scope: "config:read" },
      params: appParams,
      response: configSnapshotSchema,
      otherResponses: { 304: "not modified (the If-None-Match revision is current)" },
      audited: false,
      handler: async ({ vault, params, request, reply }) => {
        const snapshot = await vault.config.snapshot(params.appId);
        const etag = `"${snapshot.revision}"`;
        reply.header("etag", etag).header("cache-control", "no-cache");
        if (ifNoneMatchHits(request.headers["if-none-match"], etag)) return reply.code(304).send();
        return snapshot;
      },
    }),
  ];
}
