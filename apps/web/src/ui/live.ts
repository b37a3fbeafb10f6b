import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useApi } from "./SessionContext";

/** How often the flag snapshot's revision is asked for (a 304 with no body when nothing changed). */
const POLL_MS = 2_000;

/**
 * Follow flag changes made elsewhere while a flag page is open: the snapshot's ETag is its revision, asked for with
 * `If-None-Match` (a bodiless 304 while nothing changed); when it moves, the flag queries are fetched again. The
 * server's event stream will replace this poll where it is available; the poll stays as the fallback a proxy that
 * blocks streaming needs anyway.
 */
export function useLiveUpdates(): void {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const etag = useRef<string | undefined>(undefined);
  const revision = useQuery({
    queryKey: ["flag-revision", appId],
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    queryFn: async () => {
      const { response } = await api.GET("/v1/apps/{appId}/snapshot", {
        params: { path: { appId } },
        headers: etag.current ? { "if-none-match": etag.current } : {},
        parseAs: "stream",
      });
      await response.body?.cancel();
      if (response.status === 304) return etag.current ?? "";
      if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
      etag.current = response.headers.get("etag") ?? undefined;
      return etag.current ?? "";
    },
  });
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    const current = revision.data;
    if (current === undefined) return;
    if (seen.current !== undefined && seen.current !== current) {
      void queryClient.invalidateQueries({ queryKey: ["flags", appId] });
      void queryClient.invalidateQueries({ queryKey: ["flag", appId] });
    }
    seen.current = current;
  }, [revision.data, appId, queryClient]);
}
