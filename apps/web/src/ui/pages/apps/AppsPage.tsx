import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { operations } from "@vault/client/api";
import { type FormEvent, useState } from "react";
import { fieldErrors, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatTime } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { useApi, useSessionState } from "../../SessionContext";

type Scope = operations["createApiKey"]["requestBody"]["content"]["application/json"]["scopes"][number];

/** The API's scopes, in its order (checked against the generated types: an unknown one fails to compile). */
const SCOPES = [
  "secrets:read",
  "secrets:write",
  "flags:read",
  "flags:write",
  "flags:evaluate",
  "config:read",
  "config:write",
  "audit:read",
  "tokens:read",
  "tokens:write",
  "blobs:read",
  "blobs:write",
  "blobs:admin",
  "webhooks:read",
  "webhooks:write",
  "admin",
] as const satisfies readonly Scope[];

/** Apps (an instance admin's) and the current app's API keys: create with scopes (shown once), revoke. */
export default function AppsPage() {
  const { session } = useApi();
  return (
    <Stack>
      <PageHeader
        title="Apps & API keys"
        description="Every object belongs to an app; each API key is bound to one app and holds scopes. A new key is shown once — copy it then."
      />
      {session.instanceAdmin && <AppList />}
      <ApiKeys />
    </Stack>
  );
}

function AppList() {
  const { api } = useApi();
  const { switchApp } = useSessionState();
  const queryClient = useQueryClient();
  const apps = useQuery({
    queryKey: ["apps"],
    queryFn: async () => unwrap(await api.GET("/v1/apps", { params: { query: { limit: 500 } } })),
  });
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST("/v1/apps", { body: { id, ...(name ? { name } : {}) } })),
    onSuccess: async () => {
      setId("");
      setName("");
      await queryClient.invalidateQueries({ queryKey: ["apps"] });
    },
  });
  const errors = fieldErrors(create.error);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>Apps</Title>
        <ErrorAlert error={apps.error} />
        <Table aria-label="Apps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Id</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(apps.data?.items ?? []).map((app) => (
              <Table.Tr key={app.id}>
                <Table.Td>{app.id}</Table.Td>
                <Table.Td>{app.name}</Table.Td>
                <Table.Td>{formatTime(app.createdAt)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => switchApp(app.id)}>
                    Manage keys
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            create.mutate();
          }}
          noValidate
          aria-label="Create an app"
        >
          <Group align="flex-start">
            <TextInput
              label="App id"
              description="a slug: billing, web-shop"
              required
              value={id}
              onChange={(e) => setId(e.currentTarget.value)}
              error={errors.id}
            />
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <Button type="submit" mt={44} loading={create.isPending}>
              Create app
            </Button>
          </Group>
          {!errors.id && !errors.name && <ErrorAlert error={create.error} />}
        </form>
      </Stack>
    </Paper>
  );
}

function ApiKeys() {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const keys = useQuery({
    queryKey: ["api-keys", appId, includeRevoked],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/api-keys", {
          params: { path: { appId }, query: { limit: 500, includeRevoked: includeRevoked ? "true" : "false" } },
        }),
      ),
  });
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["flags:read", "config:read"]);
  const [created, setCreated] = useState<{ key: string; name: string } | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["api-keys", appId] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/v1/apps/{appId}/api-keys", {
          params: { path: { appId } },
          body: { name, scopes: scopes as Scope[] },
        }),
      ),
    onSuccess: async (answer) => {
      setCreated({ key: answer.key, name: answer.apiKey.name });
      setName("");
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE("/v1/apps/{appId}/api-keys/{id}", { params: { path: { appId, id } } })),
    onSuccess: refresh,
  });
  const errors = fieldErrors(create.error);
  const items = keys.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>API keys of {appId}</Title>
          <Checkbox
            label="Show revoked"
            checked={includeRevoked}
            onChange={(e) => setIncludeRevoked(e.currentTarget.checked)}
          />
        </Group>
        <ErrorAlert error={keys.error ?? revoke.error} />
        {keys.isSuccess && items.length === 0 ? (
          <EmptyState title="No API keys">
            Create one below for each service that calls Vault, with only the scopes it needs.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="API keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Scopes</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((key) => (
                  <Table.Tr key={key.id}>
                    <Table.Td>{key.name}</Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {key.scopes.map((scope) => (
                          <Badge key={scope} size="xs" variant="outline" tt="none">
                            {scope}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatTime(key.lastUsedAt)}</Table.Td>
                    <Table.Td>
                      {key.revokedAt ? (
                        <Badge color="gray">revoked</Badge>
                      ) : (
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          title={`Revoke ${key.name}?`}
                          message="Calls with this key are refused from now on (within seconds on every server). This cannot be undone."
                          confirmLabel="Revoke"
                          onConfirm={() => revoke.mutateAsync(key.id)}
                        >
                          Revoke
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            create.mutate();
          }}
          noValidate
          aria-label="Create an API key"
        >
          <Stack>
            <TextInput
              label="Key name"
              description="who uses it: checkout-service"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              maw={360}
            />
            <Checkbox.Group
              label="Scopes"
              value={scopes}
              onChange={setScopes}
              error={errors.scopes ?? Object.entries(errors).find(([f]) => f.startsWith("scopes."))?.[1]}
            >
              <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
                {SCOPES.map((scope) => (
                  <Checkbox key={scope} value={scope} label={scope} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            {!errors.name && !errors.scopes && <ErrorAlert error={create.error} />}
            <Button type="submit" w="fit-content" loading={create.isPending}>
              Create API key
            </Button>
          </Stack>
        </form>
      </Stack>
      <Modal
        opened={created !== undefined}
        onClose={() => setCreated(undefined)}
        title={`API key ${created?.name ?? ""}`}
        size="lg"
      >
        {created && (
          <Stack>
            <Alert color="yellow" title="Shown once">
              Copy the key now and store it where the service reads its secrets. It is kept only as a hash: nobody,
              including you, can see it again.
            </Alert>
            <Code block data-testid="new-api-key" style={{ wordBreak: "break-all" }}>
              {created.key}
            </Code>
            <Group>
              <CopyButton value={created.key}>
                {({ copied, copy }) => <Button onClick={copy}>{copied ? "Copied" : "Copy key"}</Button>}
              </CopyButton>
              <Button variant="default" onClick={() => setCreated(undefined)}>
                Done
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
