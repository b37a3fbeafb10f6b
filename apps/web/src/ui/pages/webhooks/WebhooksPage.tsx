import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Drawer,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Answer, fieldErrors, shownAtFields, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatTime, JsonText } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { useApi } from "../../SessionContext";

const STATUS_COLOR = { pending: "yellow", succeeded: "green", failed: "red" } as const;

/** Webhook endpoints (add, edit, the signing secret shown once), their deliveries with the attempt log, redelivery. */
export default function WebhooksPage() {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const endpoints = useQuery({
    queryKey: ["webhooks", appId],
    queryFn: async () =>
      unwrap(await api.GET("/v1/apps/{appId}/webhooks", { params: { path: { appId }, query: { limit: 200 } } })),
  });
  const [selected, setSelected] = useState<string | undefined>();
  const [secret, setSecret] = useState<string | undefined>();
  const [editing, setEditing] = useState<Endpoint | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["webhooks", appId] });
  const remove = useMutation({
    mutationFn: async (webhookId: string) =>
      unwrap(await api.DELETE("/v1/apps/{appId}/webhooks/{webhookId}", { params: { path: { appId, webhookId } } })),
    onSuccess: refresh,
  });
  const rotate = useMutation({
    mutationFn: async (webhookId: string) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/webhooks/{webhookId}/rotate-secret", {
          params: { path: { appId, webhookId } },
          body: {},
        }),
      ),
    onSuccess: (answer) => setSecret(answer.secret),
  });
  const ping = useMutation({
    mutationFn: async (webhookId: string) =>
      unwrap(await api.POST("/v1/apps/{appId}/webhooks/{webhookId}/test", { params: { path: { appId, webhookId } } })),
    onSuccess: refresh,
  });
  const items = endpoints.data?.items ?? [];
  return (
    <Stack>
      <PageHeader
        title="Webhooks"
        description="Endpoints that receive the app's events, signed per Standard Webhooks, retried with backoff. Each delivery keeps its attempt log."
      />
      <ErrorAlert error={endpoints.error ?? remove.error ?? rotate.error ?? ping.error} />
      {endpoints.isSuccess && items.length === 0 ? (
        <EmptyState title="No webhook endpoints">
          Add the URL of a service that should hear about changes below.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Webhook endpoints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{e.url}</Text>
                    {e.description && (
                      <Text size="xs" c="dimmed">
                        {e.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.eventTypes.length === 0 ? "all" : e.eventTypes.join(", ")}</Table.Td>
                  <Table.Td>
                    {e.enabled ? (
                      <Badge color="green" variant="light" tt="none">
                        enabled
                      </Badge>
                    ) : (
                      <Badge color="gray" tt="none">
                        disabled{e.disabledReason ? ` (${e.disabledReason})` : ""}
                      </Badge>
                    )}
                    {e.consecutiveFailures > 0 && (
                      <Text size="xs" c="red">
                        {e.consecutiveFailures} failures in a row
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Button size="xs" variant="light" onClick={() => setSelected(e.id)}>
                        Deliveries
                      </Button>
                      <Button size="xs" variant="default" aria-label={`Edit ${e.url}`} onClick={() => setEditing(e)}>
                        Edit
                      </Button>
                      <Button size="xs" variant="default" onClick={() => ping.mutate(e.id)}>
                        Send test
                      </Button>
                      <ConfirmButton
                        size="xs"
                        variant="default"
                        color="indigo"
                        title="Rotate the signing secret?"
                        message="A new secret signs from now on; the old one still signs for an overlap window so receivers can switch."
                        confirmLabel="Rotate"
                        onConfirm={() => rotate.mutateAsync(e.id)}
                      >
                        Rotate secret
                      </ConfirmButton>
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        title="Remove this endpoint?"
                        message="The endpoint, its deliveries and their log are removed."
                        confirmLabel="Remove"
                        onConfirm={() => remove.mutateAsync(e.id)}
                      >
                        Remove
                      </ConfirmButton>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <EndpointForm onCreated={setSecret} />
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title="Edit endpoint" size="lg">
        {editing && <EndpointForm key={editing.id} endpoint={editing} onSaved={() => setEditing(undefined)} />}
      </Modal>
      <Modal opened={secret !== undefined} onClose={() => setSecret(undefined)} title="Signing secret" size="lg">
        <Stack>
          <Alert color="yellow" title="Shown once">
            Give it to the receiving service to verify the webhook-signature header. It is not shown again.
          </Alert>
          <Code block style={{ wordBreak: "break-all" }}>
            {secret}
          </Code>
          <Group>
            <CopyButton value={secret ?? ""}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? "Copied" : "Copy secret"}</Button>}
            </CopyButton>
            <Button variant="default" onClick={() => setSecret(undefined)}>
              Done
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Drawer
        opened={selected !== undefined}
        onClose={() => setSelected(undefined)}
        title="Deliveries"
        position="right"
        size="xl"
      >
        {selected && <Deliveries webhookId={selected} />}
      </Drawer>
    </Stack>
  );
}

type Endpoint = Answer<"listWebhooks">["items"][number];
const ENDPOINT_FIELDS = ["url", "description", "eventTypes", "enabled"];

/**
 * An endpoint's URL, description, event types (none: every event) and, when editing, whether it is enabled: a new
 * endpoint is created (POST; the answer holds its signing secret), an existing one changed (PATCH).
 */
function EndpointForm({
  endpoint,
  onCreated,
  onSaved,
}: {
  endpoint?: Endpoint;
  onCreated?(secret: string): void;
  onSaved?(): void;
}) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const types = useQuery({
    queryKey: ["webhook-event-types", appId],
    queryFn: async () => unwrap(await api.GET("/v1/apps/{appId}/webhook-event-types", { params: { path: { appId } } })),
  });
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [eventTypes, setEventTypes] = useState<string[]>(endpoint?.eventTypes ?? []);
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const save = useMutation({
    mutationFn: async () => {
      if (endpoint === undefined) {
        const created = unwrap(
          await api.POST("/v1/apps/{appId}/webhooks", {
            params: { path: { appId } },
            body: { url, ...(description ? { description } : {}), eventTypes },
          }),
        );
        return created.secret;
      }
      unwrap(
        await api.PATCH("/v1/apps/{appId}/webhooks/{webhookId}", {
          params: { path: { appId, webhookId: endpoint.id } },
          body: { url, description, eventTypes, enabled },
        }),
      );
      return undefined;
    },
    onSuccess: async (secret) => {
      await queryClient.invalidateQueries({ queryKey: ["webhooks", appId] });
      if (secret !== undefined) {
        onCreated?.(secret);
        setUrl("");
        setDescription("");
        setEventTypes([]);
      }
      onSaved?.();
    },
  });
  const errors = fieldErrors(save.error);
  const typeList = types.data?.items ?? [];
  const editing = endpoint !== undefined;
  return (
    <Paper
      withBorder={!editing}
      p={editing ? 0 : "md"}
      component="form"
      noValidate
      aria-label={editing ? "Edit endpoint" : "Add an endpoint"}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {!editing && <Title order={4}>Add an endpoint</Title>}
        <TextInput
          label="URL"
          required
          placeholder="https://example.com/hooks/vault"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.url}
        />
        <TextInput
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <MultiSelect
          label="Event types"
          description="None: every event"
          data={[...new Set([...typeList, ...eventTypes])]}
          value={eventTypes}
          onChange={setEventTypes}
          searchable
          error={errors.eventTypes}
        />
        {editing && (
          <Switch
            label="Enabled"
            description={
              endpoint.disabledReason === "failures"
                ? "Disabled after failed deliveries in a row: enabling resets the count and delivery resumes"
                : "A disabled endpoint is sent no new events"
            }
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
            error={errors.enabled}
          />
        )}
        {!shownAtFields(errors, ENDPOINT_FIELDS) && <ErrorAlert error={save.error} />}
        <Button type="submit" w="fit-content" loading={save.isPending}>
          {editing ? "Save endpoint" : "Add endpoint"}
        </Button>
      </Stack>
    </Paper>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: ["webhooks", appId, webhookId, "deliveries"],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/webhooks/{webhookId}/deliveries", {
          params: { path: { appId, webhookId }, query: { limit: 100 } },
        }),
      ),
  });
  const [detail, setDetail] = useState<string | undefined>();
  const delivery = useQuery({
    queryKey: ["webhooks", appId, webhookId, "delivery", detail],
    enabled: detail !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/webhooks/{webhookId}/deliveries/{deliveryId}", {
          params: { path: { appId, webhookId, deliveryId: detail! } },
        }),
      ),
  });
  const redeliver = useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", {
          params: { path: { appId, webhookId, deliveryId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["webhooks", appId, webhookId] }),
  });
  const items = deliveries.data?.items ?? [];
  return (
    <Stack>
      <ErrorAlert error={deliveries.error ?? redeliver.error ?? delivery.error} />
      {deliveries.isSuccess && items.length === 0 && (
        <EmptyState title="No deliveries yet">Send a test from the list.</EmptyState>
      )}
      {items.length > 0 && (
        <Table aria-label="Deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.eventType}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[d.status]} variant="light" tt="none">
                    {d.status}
                  </Badge>
                  {d.lastError && (
                    <Text size="xs" c="red">
                      {d.lastStatusCode ?? ""} {d.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{formatTime(d.lastAttemptAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button size="xs" variant="subtle" onClick={() => setDetail(d.id)}>
                      Log
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => redeliver.mutate(d.id)}
                      loading={redeliver.isPending}
                    >
                      Redeliver
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {delivery.data && <JsonText value={{ attemptLog: delivery.data.attemptLog, payload: delivery.data.payload }} />}
    </Stack>
  );
}
