import {
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatTime } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { useApi } from "../../SessionContext";
import { can } from "../../session";

const STRATEGIES = ["random_password", "random_bytes", "custom"] as const;
const HOUR_MS = 3_600_000;

/** Rotation: a policy per secret (interval, strategy), rotate now, and every attempt with its failures. */
export default function RotationPage() {
  const { api, appId, session } = useApi();
  const queryClient = useQueryClient();
  const policies = useQuery({
    queryKey: ["rotation", appId, "policies"],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/rotation/policies", { params: { path: { appId }, query: { limit: 500 } } }),
      ),
  });
  const records = useQuery({
    queryKey: ["rotation", appId, "records"],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/rotation/records", { params: { path: { appId }, query: { limit: 100 } } }),
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["rotation", appId] });
  const rotate = useMutation({
    mutationFn: async (key: string) =>
      unwrap(await api.POST("/v1/apps/{appId}/secrets/{key}/rotate", { params: { path: { appId, key } } })),
    onSettled: refresh,
  });
  const writable = can(session, "secrets:write");
  const items = policies.data?.items ?? [];
  const attempts = records.data?.items ?? [];
  return (
    <Stack>
      <PageHeader
        title="Rotation"
        description="A policy rotates a secret on an interval with a strategy; Rotate now does it at once. Every attempt is recorded, failures with their reason."
      />
      <ErrorAlert error={policies.error ?? rotate.error} />
      {policies.isSuccess && items.length === 0 ? (
        <EmptyState title="No rotation policies">
          Give a secret a policy below: which secret, how often, and how to make the new value.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Rotation policies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Secret</Table.Th>
                <Table.Th>Every</Table.Th>
                <Table.Th>Strategy</Table.Th>
                <Table.Th>Last</Table.Th>
                <Table.Th>Next</Table.Th>
                <Table.Th>Failures</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((policy) => (
                <Table.Tr key={policy.id}>
                  <Table.Td>
                    {policy.secretKey} {!policy.enabled && <Badge color="gray">paused</Badge>}
                  </Table.Td>
                  <Table.Td>{(policy.intervalMs / HOUR_MS).toLocaleString()} h</Table.Td>
                  <Table.Td>{policy.strategy}</Table.Td>
                  <Table.Td>{formatTime(policy.lastRotatedAt)}</Table.Td>
                  <Table.Td>{formatTime(policy.nextRotationAt)}</Table.Td>
                  <Table.Td>
                    {policy.failures > 0 ? (
                      <Text size="sm" c="red">
                        {policy.failures}: {policy.lastError}
                      </Text>
                    ) : (
                      "0"
                    )}
                  </Table.Td>
                  <Table.Td>
                    {writable && (
                      <ConfirmButton
                        size="xs"
                        variant="light"
                        color="indigo"
                        title={`Rotate ${policy.secretKey} now?`}
                        message="A new version is written with the policy's strategy; services read it on their next fetch."
                        confirmLabel="Rotate"
                        onConfirm={() => rotate.mutateAsync(policy.secretKey)}
                      >
                        Rotate now
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {writable && <PolicyForm onSaved={refresh} />}
      <Title order={3}>Attempts</Title>
      <ErrorAlert error={records.error} />
      {records.isSuccess && attempts.length === 0 ? (
        <EmptyState title="No rotations yet" />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Rotation attempts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Secret</Table.Th>
                <Table.Th>Versions</Table.Th>
                <Table.Th>Trigger</Table.Th>
                <Table.Th>Outcome</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attempts.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatTime(r.createdAt)}</Table.Td>
                  <Table.Td>{r.secretKey}</Table.Td>
                  <Table.Td>
                    {r.oldVersion ?? "—"} → {r.newVersion ?? "—"}
                  </Table.Td>
                  <Table.Td>{r.trigger}</Table.Td>
                  <Table.Td>
                    <Badge color={r.outcome === "success" ? "green" : "red"} variant="light" tt="none">
                      {r.outcome}
                    </Badge>
                    {r.error && (
                      <Text size="xs" c="red">
                        {r.error}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Create or replace a secret's policy. */
function PolicyForm({ onSaved }: { onSaved(): Promise<unknown> }) {
  const { api, appId } = useApi();
  const [key, setKey] = useState("");
  const [hours, setHours] = useState<string | number>(720);
  const [strategy, setStrategy] = useState<(typeof STRATEGIES)[number]>("random_password");
  const [paramsText, setParamsText] = useState("");
  const [enabled, setEnabled] = useState(true);
  const [paramsError, setParamsError] = useState<string>();
  const save = useMutation({
    mutationFn: async (params: Record<string, unknown> | undefined) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/rotation/policies/{key}", {
          params: { path: { appId, key } },
          body: { intervalMs: Math.round(Number(hours) * HOUR_MS), strategy, enabled, ...(params ? { params } : {}) },
        }),
      ),
    onSuccess: onSaved,
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let params: Record<string, unknown> | undefined;
    if (paramsText.trim()) {
      try {
        params = JSON.parse(paramsText) as Record<string, unknown>;
      } catch (error) {
        setParamsError(`not valid JSON: ${(error as Error).message}`);
        return;
      }
    }
    setParamsError(undefined);
    save.mutate(params);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="Rotation policy">
      <Stack>
        <Title order={4}>Set a policy</Title>
        <Group align="flex-start">
          <TextInput
            label="Secret key"
            required
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={errors.key}
          />
          <NumberInput
            label="Every (hours)"
            min={1}
            value={hours}
            onChange={setHours}
            error={errors.intervalMs}
            w={140}
          />
          <Select
            label="Strategy"
            data={[...STRATEGIES]}
            value={strategy}
            allowDeselect={false}
            onChange={(value) => value && setStrategy(value as (typeof STRATEGIES)[number])}
            error={errors.strategy}
          />
          <TextInput
            label="Parameters (JSON)"
            placeholder='{"length": 32}'
            value={paramsText}
            onChange={(e) => setParamsText(e.currentTarget.value)}
            error={paramsError ?? errors.params}
          />
          <Switch label="Enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} mt={32} />
        </Group>
        {!errors.key && !errors.intervalMs && !errors.params && <ErrorAlert error={save.error} />}
        <Button type="submit" w="fit-content" loading={save.isPending}>
          Save policy
        </Button>
        <Text size="xs" c="dimmed">
          The secret must exist. <Code>random_password</Code> and <Code>random_bytes</Code> take a length; custom runs a
          rotator registered with the server.
        </Text>
      </Stack>
    </Paper>
  );
}
