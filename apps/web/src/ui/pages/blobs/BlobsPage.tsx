import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors, shownAtFields, unwrap } from "../../api";
import { saveAs } from "../../components/download";
import { JsonText } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { useApi } from "../../SessionContext";
import { BlobEntries } from "./BlobEntries";

const ACCESS_MODES = ["owner-only", "same-purpose", "open-retrieve", "admin-only"] as const;
const POLICY_FIELDS = ["purpose", "maxRetentionDays", "defaultTtlDays", "access", "maxRetrievals", "allowedApps"];

/** Governed blobs: each purpose's retention and access policy, its entries (upload, download, purge), the report. */
export default function BlobsPage() {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const policies = useQuery({
    queryKey: ["blob-policies", appId],
    queryFn: async () => unwrap(await api.GET("/v1/apps/{appId}/blob-policies", { params: { path: { appId } } })),
  });
  const items = policies.data?.items ?? [];
  return (
    <Stack>
      <PageHeader
        title="Blobs"
        description="Opaque bytes stored under a purpose, each purpose with a retention policy (maximum and default lifetime) and an access policy. The compliance report gathers inventory, conformance, access and purge evidence."
      />
      <ErrorAlert error={policies.error} />
      {policies.isSuccess && items.length === 0 ? (
        <EmptyState title="No purposes yet">Set a policy below before storing blobs under a purpose.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Blob policies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Max retention</Table.Th>
                <Table.Th>Default TTL</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Max retrievals</Table.Th>
                <Table.Th>Allowed apps</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.purpose}>
                  <Table.Td>{p.purpose}</Table.Td>
                  <Table.Td>{p.maxRetentionDays} days</Table.Td>
                  <Table.Td>{p.defaultTtlDays} days</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {p.access}
                    </Badge>
                    {p.requireIdentity && (
                      <Badge ml={4} variant="outline" tt="none">
                        identity required
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.maxRetrievals ?? "—"}</Table.Td>
                  <Table.Td>{p.allowedApps.join(", ") || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <BlobEntries purposes={items.map((p) => p.purpose)} />
      <PolicyForm onSaved={() => queryClient.invalidateQueries({ queryKey: ["blob-policies", appId] })} />
      <ComplianceReport />
    </Stack>
  );
}

function PolicyForm({ onSaved }: { onSaved(): Promise<unknown> }) {
  const { api, appId } = useApi();
  const [purpose, setPurpose] = useState("");
  const [maxRetentionDays, setMax] = useState<string | number>(365);
  const [defaultTtlDays, setTtl] = useState<string | number>(30);
  const [access, setAccess] = useState<(typeof ACCESS_MODES)[number]>("owner-only");
  const [allowedApps, setAllowedApps] = useState<string[]>([]);
  const [requireIdentity, setRequireIdentity] = useState(false);
  const [maxRetrievals, setMaxRetrievals] = useState<string | number>("");
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/blob-policies/{purpose}", {
          params: { path: { appId, purpose } },
          body: {
            maxRetentionDays: Number(maxRetentionDays),
            defaultTtlDays: Number(defaultTtlDays),
            access,
            allowedApps,
            requireIdentity,
            maxRetrievals: maxRetrievals === "" ? null : Number(maxRetrievals),
          },
        }),
      ),
    onSuccess: onSaved,
  });
  const errors = fieldErrors(save.error);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      aria-label="Blob policy"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <Title order={4}>Set a purpose's policy</Title>
        <Group align="flex-start">
          <TextInput
            label="Purpose"
            required
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            error={errors.purpose}
          />
          <NumberInput
            label="Max retention (days)"
            min={1}
            value={maxRetentionDays}
            onChange={setMax}
            error={errors.maxRetentionDays}
            w={170}
          />
          <NumberInput
            label="Default TTL (days)"
            min={1}
            value={defaultTtlDays}
            onChange={setTtl}
            error={errors.defaultTtlDays}
            w={170}
          />
          <Select
            label="Access"
            data={[...ACCESS_MODES]}
            value={access}
            allowDeselect={false}
            onChange={(v) => v && setAccess(v as (typeof ACCESS_MODES)[number])}
            error={errors.access}
          />
          <NumberInput
            label="Max retrievals"
            min={1}
            value={maxRetrievals}
            onChange={setMaxRetrievals}
            error={errors.maxRetrievals}
            w={150}
          />
        </Group>
        <Group align="flex-end">
          <TagsInput label="Allowed apps" value={allowedApps} onChange={setAllowedApps} error={errors.allowedApps} />
          <Switch
            label="Identity required"
            checked={requireIdentity}
            onChange={(e) => setRequireIdentity(e.currentTarget.checked)}
          />
        </Group>
        {!shownAtFields(errors, POLICY_FIELDS) && <ErrorAlert error={save.error} />}
        <Button type="submit" w="fit-content" loading={save.isPending}>
          Save policy
        </Button>
      </Stack>
    </Paper>
  );
}

/** The report as JSON on the page, and its readable HTML form as a download (fetched with the key in its header). */
function ComplianceReport() {
  const { api, appId } = useApi();
  const report = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/compliance/report", {
          params: { path: { appId }, query: { verifyAudit: "true" } },
        }),
      ),
  });
  const html = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET("/v1/apps/{appId}/compliance/report", {
        params: { path: { appId }, query: { format: "html" } },
        parseAs: "blob",
      });
      if (!response.ok || !data) throw new Error(`report failed: HTTP ${response.status}`);
      saveAs(data as Blob, `vault-compliance-${appId}.html`);
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>Compliance report (last 30 days)</Title>
          <Group gap="xs">
            <Button variant="light" onClick={() => report.mutate()} loading={report.isPending}>
              Show report
            </Button>
            <Button variant="default" onClick={() => html.mutate()} loading={html.isPending}>
              Download as a page
            </Button>
          </Group>
        </Group>
        <ErrorAlert error={report.error ?? html.error} />
        {report.data && <JsonText value={report.data} />}
      </Stack>
    </Paper>
  );
}
