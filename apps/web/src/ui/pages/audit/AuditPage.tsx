import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Answer, fieldErrors, shownAtFields, unwrap } from "../../api";
import { formatTime, isoOf, JsonText } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { useApi } from "../../SessionContext";

type Entry = Answer<"queryAudit">["items"][number];

interface Filter {
  action?: string;
  resource?: string;
  key?: string;
  tenantId?: string;
  actor?: string;
  outcome?: "success" | "failure" | "denied";
  from?: string;
  to?: string;
}

const OUTCOME_COLOR = { success: "green", failure: "red", denied: "orange" } as const;
const FILTER_FIELDS = ["action", "resource", "key", "tenantId", "actor", "outcome", "from", "to"];

/** The audit trail: the chain's verification, a filterable table, each entry's detail, and NDJSON export. */
export default function AuditPage() {
  const { api, appId } = useApi();
  const [draft, setDraft] = useState<Record<keyof Filter, string>>({
    action: "",
    resource: "",
    key: "",
    tenantId: "",
    actor: "",
    outcome: "",
    from: "",
    to: "",
  });
  const [filter, setFilter] = useState<Filter>({});
  const [selected, setSelected] = useState<Entry | undefined>();
  const entries = useInfiniteQuery({
    queryKey: ["audit", appId, filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/v1/apps/{appId}/audit", {
          params: { path: { appId }, query: { ...filter, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const verification = useQuery({
    queryKey: ["audit-verify", appId],
    queryFn: async () => unwrap(await api.GET("/v1/apps/{appId}/audit/verify", { params: { path: { appId } } })),
  });
  const exportNdjson = useMutation({
    mutationFn: async () => {
      // Fetched with the key in its header, then saved from memory: the key never goes into a download URL.
      const { data, response } = await api.GET("/v1/apps/{appId}/audit/export", {
        params: { path: { appId }, query: filter },
        parseAs: "blob",
      });
      if (!response.ok || !data) throw new Error(`export failed: HTTP ${response.status}`);
      const url = URL.createObjectURL(data as Blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `vault-audit-${appId}-${new Date().toISOString().slice(0, 19).replace(/:/g, "")}.ndjson`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const errors = fieldErrors(entries.error);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: Filter = {};
    for (const [field, value] of Object.entries(draft) as [keyof Filter, string][]) {
      if (!value) continue;
      if (field === "from" || field === "to") next[field] = isoOf(value);
      else if (field === "outcome") next.outcome = value as Filter["outcome"];
      else next[field] = value.trim();
    }
    setFilter(next);
  };
  const set = (field: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const v = verification.data;
  return (
    <Stack>
      <PageHeader
        title="Audit"
        description="Every change, every secret read and every refusal, in a hash chain: an entry altered, removed or reordered breaks it."
        actions={
          <Button variant="default" onClick={() => exportNdjson.mutate()} loading={exportNdjson.isPending}>
            Export NDJSON
          </Button>
        }
      />
      <ErrorAlert error={exportNdjson.error} title="Export failed" />
      {verification.error ? (
        <ErrorAlert error={verification.error} title="The chain could not be verified" />
      ) : v ? (
        <Alert
          color={v.ok ? "green" : "red"}
          title={v.ok ? "Chain verified" : "Chain broken"}
          data-testid="chain-status"
          data-ok={String(v.ok)}
        >
          <Group gap="xs">
            <Text size="sm">
              {v.ok
                ? `Every link checks out${v.checked !== undefined ? ` (${v.checked} entries)` : ""}.`
                : `${v.problem?.kind ?? "broken"}${v.problem?.seq !== undefined ? ` at entry ${v.problem.seq}` : ""}: ${v.problem?.message ?? ""}`}
            </Text>
            <Button size="xs" variant="subtle" onClick={() => verification.refetch()} loading={verification.isFetching}>
              Verify again
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Paper withBorder p="md" component="form" onSubmit={apply} noValidate aria-label="Filter entries">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput
            label="Action"
            placeholder="secret.read"
            value={draft.action}
            onChange={(e) => set("action")(e.currentTarget.value)}
            error={errors.action}
          />
          <TextInput
            label="Resource"
            placeholder="secret"
            value={draft.resource}
            onChange={(e) => set("resource")(e.currentTarget.value)}
            error={errors.resource}
          />
          <TextInput
            label="Key"
            value={draft.key}
            onChange={(e) => set("key")(e.currentTarget.value)}
            error={errors.key}
          />
          <TextInput
            label="Tenant"
            value={draft.tenantId}
            onChange={(e) => set("tenantId")(e.currentTarget.value)}
            error={errors.tenantId}
          />
          <TextInput
            label="Actor (API key id)"
            value={draft.actor}
            onChange={(e) => set("actor")(e.currentTarget.value)}
            error={errors.actor}
          />
          <Select
            label="Outcome"
            placeholder="Any"
            data={["success", "failure", "denied"]}
            value={draft.outcome || null}
            onChange={(value) => set("outcome")(value ?? "")}
            clearable
            error={errors.outcome}
          />
          <TextInput
            type="datetime-local"
            label="From"
            value={draft.from}
            onChange={(e) => set("from")(e.currentTarget.value)}
            error={errors.from}
          />
          <TextInput
            type="datetime-local"
            label="To"
            value={draft.to}
            onChange={(e) => set("to")(e.currentTarget.value)}
            error={errors.to}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft({ action: "", resource: "", key: "", tenantId: "", actor: "", outcome: "", from: "", to: "" });
              setFilter({});
            }}
          >
            Clear
          </Button>
        </Group>
      </Paper>
      {!shownAtFields(errors, FILTER_FIELDS) && <ErrorAlert error={entries.error} />}
      {entries.isSuccess && items.length === 0 ? (
        <EmptyState title="No entries match">Clear a filter or widen the time range.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label="Audit entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Tenant</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Actor</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>{formatTime(entry.createdAt)}</Table.Td>
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => setSelected(entry)}
                      aria-label={`Details of entry ${entry.seq}`}
                      c="indigo"
                    >
                      {entry.action}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{entry.key ?? "—"}</Table.Td>
                  <Table.Td>{entry.tenantId ?? "—"}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOR[entry.outcome]} variant="light" tt="none">
                      {entry.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{entry.actor.apiKeyId ?? entry.actor.system ?? entry.actor.userId ?? "—"}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {entries.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => entries.fetchNextPage()}
          loading={entries.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
      <Drawer
        opened={selected !== undefined}
        onClose={() => setSelected(undefined)}
        title={selected ? `Entry ${selected.seq}: ${selected.action}` : ""}
        position="right"
        size="lg"
      >
        {selected && (
          <Stack>
            <Text size="sm">
              {formatTime(selected.createdAt)} · {selected.outcome} · request {selected.requestId ?? "—"} · from{" "}
              {selected.ip ?? "—"}
            </Text>
            <JsonText value={selected} />
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}
