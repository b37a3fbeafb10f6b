import { useQueryClient } from "@tanstack/react-query";
import { createParser } from "eventsource-parser";
import { useEffect, useState } from "react";
import { useApi } from "./SessionContext";
import { can } from "./session";

export type LiveState = "connecting" | "live" | "reconnecting" | "off";

/** Waits between reconnects: doubling from 1 s to 30 s, with jitter so that many tabs do not return at once. */
function backoffMs(attempt: number): number {
  const base = Math.min(30_000, 1_000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Follow the app's flag and config changes over the server's event stream (GET /v1/apps/:appId/stream, read with
 * fetch so that the key travels in the Authorization header, never in a URL as EventSource would need). Each
 * `flags` or `config` event makes the pages showing them fetch again; a dropped stream is resumed with
 * Last-Event-ID after a backoff. Keys without flags:read or config:read have nothing to follow.
 */
export function useLiveStream(): LiveState {
  const { appId, session } = useApi();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const followsSomething = can(session, "flags:read") || can(session, "config:read");
  useEffect(() => {
    if (!followsSomething) {
      setState("off");
      return;
    }
    const stop = new AbortController();
    let lastEventId: string | undefined;
    let attempt = 0;
    const run = async () => {
      while (!stop.signal.aborted) {
        try {
          const response = await fetch(`/v1/apps/${encodeURIComponent(appId)}/stream`, {
            headers: {
              authorization: `Bearer ${session.apiKey}`,
              accept: "text/event-stream",
              ...(lastEventId ? { "last-event-id": lastEventId } : {}),
            },
            signal: stop.signal,
            cache: "no-store",
          });
          if (!response.ok || response.body === null) throw new Error(`stream: HTTP ${response.status}`);
          const parser = createParser({
            onEvent(event) {
              if (event.id) lastEventId = event.id;
              if (event.event === "ready") {
                attempt = 0;
                setState("live");
              } else if (event.event === "flags") {
                void queryClient.invalidateQueries({ queryKey: ["flags", appId] });
                void queryClient.invalidateQueries({ queryKey: ["flag", appId] });
              } else if (event.event === "config") {
                void queryClient.invalidateQueries({ queryKey: ["config", appId] });
              }
            },
          });
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            parser.feed(value);
          }
        } catch {
          if (stop.signal.aborted) return;
        }
        setState("reconnecting");
        await new Promise((resume) => setTimeout(resume, backoffMs(attempt++)));
      }
    };
    void run();
    return () => stop.abort();
  }, [appId, session.apiKey, followsSomething, queryClient]);
  return state;
}
