import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation } from "wouter";
import { type Answer, fieldErrors, isVaultApiError, type JsonValue, messageOf, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatTime } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { parseValue, ValueInput, type ValueType, valueToText } from "../../components/ValueInput";
import { keyFromPath } from "../../paths";
import { useApi } from "../../SessionContext";
import { can } from "../../session";
import { ValueDiff } from "./ValueDiff";

type Entry = Answer<"getConfig">;

/** One config entry: typed editing, versions with a diff and rollback, tenant overrides, and a tenant's value. */
export function ConfigDetail({ keySegment }: { keySegment: string }) {
  const key = keyFromPath(keySegment);
  const { api, appId, session } = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const entry = useQuery({
    queryKey: ["config", appId, "entry", key],
    queryFn: async () => unwrap(await api.GET("/v1/apps/{appId}/config/{key}", { params: { path: { appId, key } } })),
  });
  const [deleteError, setDeleteError] = useState<unknown>();
  const writable = can(session, "config:write");
  const data = entry.data;
  return (
    <Stack>
      <Anchor component={Link} href="/" size="sm">
        ← All config
      </Anchor>
      <PageHeader
        title={key}
        description={
          data
            ? `${data.valueType} · version ${data.version}${data.description ? ` · ${data.description}` : ""}`
            : undefined
        }
        actions={
          data &&
          writable && (
            <ConfirmButton
              variant="light"
              title={`Delete ${key}?`}
              message="The entry and its versions are deleted; services reading it get their fallback."
              typeToConfirm={key}
              confirmLabel="Delete"
              onConfirm={async () => {
                try {
                  unwrap(
                    await api.DELETE("/v1/apps/{appId}/config/{key}", {
                      params: { path: { appId, key }, query: { cas: data.version } },
                    }),
                  );
                  await queryClient.invalidateQueries({ queryKey: ["config", appId] });
                  navigate("/");
                } catch (error) {
                  setDeleteError(error);
                }
              }}
            >
              Delete
            </ConfirmButton>
          )
        }
      />
      <ErrorAlert error={entry.error ?? deleteError} />
      {data && (
        <Tabs defaultValue="value" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="value">Value</Tabs.Tab>
            <Tabs.Tab value="versions">Versions</Tabs.Tab>
            <Tabs.Tab value="overrides">Tenant overrides</Tabs.Tab>
            <Tabs.Tab value="resolve">Value for a tenant</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="value" pt="md">
            <EditValue entry={data} readOnly={!writable} />
          </Tabs.Panel>
          <Tabs.Panel value="versions" pt="md">
            <Versions entry={data} readOnly={!writable} />
          </Tabs.Panel>
          <Tabs.Panel value="overrides" pt="md">
            <Overrides entry={data} readOnly={!writable} />
          </Tabs.Panel>
          <Tabs.Panel value="resolve" pt="md">
            <ResolveForTenant entry={data} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function useRefresh() {
  const { appId } = useApi();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["config", appId] });
}

/** The value in an input of its type (JSON checked against the entry's schema by the API), check-and-set. */
function EditValue({ entry, readOnly }: { entry: Entry; readOnly: boolean }) {
  const { api, appId } = useApi();
  const refresh = useRefresh();
  const type = entry.valueType as ValueType;
  const [text, setText] = useState(() => valueToText(entry.value, type));
  const [dirty, setDirty] = useState(false);
  const [schemaText, setSchemaText] = useState(() => (entry.schema ? JSON.stringify(entry.schema, null, 2) : ""));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // A change saved elsewhere (seen live) replaces the value shown, unless it is being edited here.
  useEffect(() => {
    if (dirty) return;
    setText(valueToText(entry.value, type));
    setSchemaText(entry.schema ? JSON.stringify(entry.schema, null, 2) : "");
  }, [entry, type, dirty]);
  const save = useMutation({
    mutationFn: async (body: { value: JsonValue; schema?: Record<string, unknown> | null }) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/config/{key}", {
          params: { path: { appId, key: entry.key } },
          body: { ...body, cas: entry.version },
        }),
      ),
    onSuccess: async () => {
      setDirty(false);
      await refresh();
    },
  });
  const errors = { ...fieldErrors(save.error), ...localErrors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const value = parseValue(text, type);
    if ("error" in value) local.value = value.error;
    let schema: Record<string, unknown> | null | undefined;
    if (type === "json") {
      if (schemaText.trim() === "") schema = entry.schema ? null : undefined;
      else {
        const parsed = parseValue(schemaText, "json");
        if ("error" in parsed) local.schema = parsed.error;
        else schema = parsed.value as Record<string, unknown>;
      }
    }
    setLocalErrors(local);
    if ("error" in value || Object.keys(local).length > 0) return;
    save.mutate({ value: value.value, ...(schema !== undefined ? { schema } : {}) });
  };
  // A value its type or schema refuses comes back as VALIDATION or TYPE_MISMATCH naming no field: it is the value's.
  const refusedValue =
    isVaultApiError(save.error) && (save.error.code === "VALIDATION" || save.error.code === "TYPE_MISMATCH");
  const valueError = errors.value ?? (refusedValue && !errors.schema ? messageOf(save.error) : undefined);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <ValueInput
          type={type}
          label={`Value (${entry.valueType})`}
          text={text}
          onChange={(next) => {
            setDirty(true);
            setText(next);
          }}
          error={valueError}
        />
        {type === "json" && (
          <Textarea
            label="JSON Schema"
            description="The value must meet it; empty removes it"
            value={schemaText}
            onChange={(e) => {
              setDirty(true);
              setSchemaText(e.currentTarget.value);
            }}
            error={errors.schema}
            autosize
            minRows={2}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          />
        )}
        {!valueError && !errors.schema && <ErrorAlert error={save.error} />}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save version {entry.version + 1}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Every version, a diff between any two, and rollback (which writes a new version with the old value). */
function Versions({ entry, readOnly }: { entry: Entry; readOnly: boolean }) {
  const { api, appId } = useApi();
  const refresh = useRefresh();
  const versions = useQuery({
    queryKey: ["config", appId, "versions", entry.key, entry.version],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/config/{key}/versions", {
          params: { path: { appId, key: entry.key }, query: { limit: 500 } },
        }),
      ),
  });
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const fromVersion = from ?? (items[1] ? String(items[1].version) : null);
  const toVersion = to ?? (items[0] ? String(items[0].version) : null);
  const before = items.find((v) => String(v.version) === fromVersion);
  const after = items.find((v) => String(v.version) === toVersion);
  const rollback = useMutation({
    mutationFn: async (version: number) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/config/{key}/rollback", {
          params: { path: { appId, key: entry.key } },
          body: { version, cas: entry.version },
        }),
      ),
    onSuccess: refresh,
  });
  const choices = items.map((v) => ({ value: String(v.version), label: `version ${v.version}` }));
  return (
    <Stack>
      <ErrorAlert error={versions.error ?? rollback.error} />
      {items.length > 1 && (
        <Paper withBorder p="md">
          <Stack>
            <Group>
              <Select
                label="Compare"
                data={choices}
                value={fromVersion}
                onChange={setFrom}
                allowDeselect={false}
                w={160}
              />
              <Select label="with" data={choices} value={toVersion} onChange={setTo} allowDeselect={false} w={160} />
            </Group>
            {before && after && <ValueDiff before={before.value} after={after.value} />}
          </Stack>
        </Paper>
      )}
      <Table aria-label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Written</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                {v.version}
                {v.version === entry.version && (
                  <Badge ml="xs" size="xs" variant="light">
                    current
                  </Badge>
                )}
                {v.rolledBackFrom !== null && (
                  <Text size="xs" c="dimmed">
                    rollback to {v.rolledBackFrom}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{JSON.stringify(v.value).slice(0, 120)}</Code>
              </Table.Td>
              <Table.Td>{formatTime(v.createdAt)}</Table.Td>
              <Table.Td>
                {!readOnly && v.version !== entry.version && (
                  <ConfirmButton
                    size="xs"
                    variant="default"
                    color="indigo"
                    title={`Roll back to version ${v.version}?`}
                    message={`A new version ${entry.version + 1} is written with version ${v.version}'s value.`}
                    confirmLabel="Roll back"
                    onConfirm={() => rollback.mutateAsync(v.version)}
                  >
                    Roll back to {v.version}
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Tenants with their own value of this key. */
function Overrides({ entry, readOnly }: { entry: Entry; readOnly: boolean }) {
  const { api, appId } = useApi();
  const refresh = useRefresh();
  const type = entry.valueType as ValueType;
  const overrides = useQuery({
    queryKey: ["config", appId, "overrides", entry.key],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/config/{key}/overrides", {
          params: { path: { appId, key: entry.key }, query: { limit: 500 } },
        }),
      ),
  });
  const [tenantId, setTenantId] = useState("");
  const [text, setText] = useState(() => valueToText(entry.value, type));
  const [localError, setLocalError] = useState<string>();
  const set = useMutation({
    mutationFn: async (value: JsonValue) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/config/{key}/overrides/{tenantId}", {
          params: { path: { appId, key: entry.key, tenantId } },
          body: { value },
        }),
      ),
    onSuccess: async () => {
      setTenantId("");
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (tenant: string) =>
      unwrap(
        await api.DELETE("/v1/apps/{appId}/config/{key}/overrides/{tenantId}", {
          params: { path: { appId, key: entry.key, tenantId: tenant } },
        }),
      ),
    onSuccess: refresh,
  });
  const errors = fieldErrors(set.error);
  const items = overrides.data?.items ?? [];
  return (
    <Stack>
      <ErrorAlert error={overrides.error ?? remove.error} />
      {overrides.isSuccess && items.length === 0 ? (
        <EmptyState title="No tenant overrides">
          Give a tenant its own value below; every other tenant gets the app value.
        </EmptyState>
      ) : (
        <Table aria-label="Tenant overrides">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tenant</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Updated</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.tenantId}</Table.Td>
                <Table.Td>
                  <Code>{JSON.stringify(o.value)}</Code>
                </Table.Td>
                <Table.Td>{formatTime(o.updatedAt)}</Table.Td>
                <Table.Td>
                  {!readOnly && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(o.tenantId)}>
                      Remove
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Paper
          withBorder
          p="md"
          component="form"
          noValidate
          aria-label="Set a tenant override"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            const parsed = parseValue(text, type);
            if ("error" in parsed) {
              setLocalError(parsed.error);
              return;
            }
            setLocalError(undefined);
            set.mutate(parsed.value);
          }}
        >
          <Group align="flex-start">
            <TextInput
              label="Tenant id"
              required
              value={tenantId}
              onChange={(e) => setTenantId(e.currentTarget.value)}
              error={errors.tenantId}
            />
            <ValueInput type={type} label="Value" text={text} onChange={setText} error={localError ?? errors.value} />
            <Button type="submit" mt={24} loading={set.isPending}>
              Set override
            </Button>
          </Group>
          {!errors.tenantId && !errors.value && <ErrorAlert error={set.error} />}
        </Paper>
      )}
    </Stack>
  );
}

/** The value one tenant gets, and whether it is theirs (an override) or the app's. */
function ResolveForTenant({ entry }: { entry: Entry }) {
  const { api, appId } = useApi();
  const [tenantId, setTenantId] = useState("");
  const resolve = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/config/{key}/resolve", {
          params: { path: { appId, key: entry.key }, query: tenantId ? { tenantId } : {} },
        }),
      ),
  });
  const errors = fieldErrors(resolve.error);
  return (
    <Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          resolve.mutate();
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Tenant id"
            value={tenantId}
            onChange={(e) => setTenantId(e.currentTarget.value)}
            error={errors.tenantId}
          />
          <Button type="submit" loading={resolve.isPending}>
            Resolve
          </Button>
        </Group>
      </form>
      {!errors.tenantId && <ErrorAlert error={resolve.error} />}
      {resolve.data && (
        <Group>
          <Code>{JSON.stringify(resolve.data.value)}</Code>
          <Badge variant="light">{resolve.data.source === "override" ? "tenant override" : "app value"}</Badge>
        </Group>
      )}
    </Stack>
  );
}
