import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { unwrap } from "../api";
import { useApi, useSessionState } from "../SessionContext";

/** An instance admin's app picker: the pages then show that app (apps and keys of every app are theirs to manage). */
export function AppSwitch() {
  const { api, session } = useApi();
  const { switchApp } = useSessionState();
  const apps = useQuery({
    queryKey: ["apps"],
    queryFn: async () => unwrap(await api.GET("/v1/apps", { params: { query: { limit: 100 } } })),
  });
  const ids = new Set([session.appId, ...(apps.data?.items.map((a) => a.id) ?? [])]);
  return (
    <Select
      aria-label="App"
      data-testid="app-switch"
      size="xs"
      w={{ base: 130, sm: 180 }}
      allowDeselect={false}
      searchable
      value={session.appId}
      data={[...ids].map((id) => ({ value: id, label: `app: ${id}` }))}
      onChange={(value) => value && switchApp(value)}
    />
  );
}
