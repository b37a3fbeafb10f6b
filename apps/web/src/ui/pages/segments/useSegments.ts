import { useQuery } from "@tanstack/react-query";
import { unwrap } from "../../api";
import { useApi } from "../../SessionContext";

/**
 * The app's segments (up to 500). Kept under ["flags", appId] because segments change like flags: a flag event seen
 * live refreshes them too.
 */
export function useSegments() {
  const { api, appId } = useApi();
  return useQuery({
    queryKey: ["flags", appId, "segments"],
    queryFn: async () =>
      unwrap(await api.GET("/v1/apps/{appId}/segments", { params: { path: { appId }, query: { limit: 500 } } })),
  });
}
