import { Anchor, Button, Code, Group, Modal, Select, Stack, Table, Tabs, Textarea, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import { fieldErrors, type JsonValue, unwrap } from "../../api";
import { formatTime } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { parseValue, ValueInput, type ValueType, valueToText } from "../../components/ValueInput";
import { keyPath } from "../../paths";
import { useApi } from "../../SessionContext";
import { can } from "../../session";
import { CONFIG_TYPES } from "./config-types";

/** Config entries, and every value as one tenant gets it. Follows changes made elsewhere. */
export function ConfigList() {
  const { api, appId, session } = useApi();
  const entries = useQuery({
    queryKey: ["config", appId, "list"],
    queryFn: async () =>
      unwrap(await api.GET("/v1/apps/{appId}/config", { params: { path: { appId }, query: { limit: 500 } } })),
  });
  const writable = can(session, "config:write");
  const items = entries.data?.items ?? [];
  return (
    <Stack>
      <PageHeader
        title="Config"
        description="Typed, versioned runtime values, with per-tenant overrides. Changes made elsewhere appear here as they happen."
        actions={writable && <NewEntryButton />}
      />
      <Tabs defaultValue="entries" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="entries">Entries</Tabs.Tab>
          <Tabs.Tab value="resolved">Resolved for a tenant</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="md">
          <ErrorAlert error={entries.error} />
          {entries.isSuccess && items.length === 0 ? (
            <EmptyState title="No config yet" action={writable ? <NewEntryButton /> : undefined}>
              Add an entry — a key, a type and a value; tenants can then be given their own values.
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped highlightOnHover aria-label="Config entries">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Key</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Value</Table.Th>
                    <Table.Th>Version</Table.Th>
                    <Table.Th>Updated</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((entry) => (
                    <Table.Tr key={entry.id}>
                      <Table.Td>
                        <Anchor component={Link} href={`/${keyPath(entry.key)}`}>
                          {entry.key}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{entry.valueType}</Table.Td>
                      <Table.Td>
                        <Code data-testid={`config-value-${entry.key}`}>
                          {JSON.stringify(entry.value).slice(0, 80)}
                        </Code>
                      </Table.Td>
                      <Table.Td>{entry.version}</Table.Td>
                      <Table.Td>{formatTime(entry.updatedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="resolved" pt="md">
          <ResolvedView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Every value as a tenant gets it (its overrides applied). */
function ResolvedView() {
  const { api, appId } = useApi();
  const [tenantId, setTenantId] = useState("");
  const [asked, setAsked] = useState<string | undefined>();
  const resolved = useQuery({
    queryKey: ["config", appId, "resolved", asked],
    enabled: asked !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/resolved-config", {
          params: { path: { appId }, query: asked ? { tenantId: asked } : {} },
        }),
      ),
  });
  const errors = fieldErrors(resolved.error);
  return (
    <Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(tenantId.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Tenant id"
            description="Empty: the app values, without overrides"
            value={tenantId}
            onChange={(e) => setTenantId(e.currentTarget.value)}
            error={errors.tenantId}
          />
          <Button type="submit">Resolve</Button>
        </Group>
      </form>
      {!errors.tenantId && <ErrorAlert error={resolved.error} />}
      {resolved.data && (
        <Table aria-label="Resolved config">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Value for {resolved.data.tenantId ?? "the app"}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(resolved.data.values).map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Td>{key}</Table.Td>
                <Table.Td>
                  <Code>{JSON.stringify(value)}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** A new entry: key, type, a value of that type, and for JSON an optional JSON Schema the value must meet. */
function NewEntryButton() {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [opened, { open, close }] = useDisclosure(false);
  const [key, setKey] = useState("");
  const [type, setType] = useState<ValueType>("string");
  const [valueText, setValueText] = useState("");
  const [schemaText, setSchemaText] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async (body: { value: JsonValue; schema?: Record<string, unknown> }) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/config/{key}", {
          params: { path: { appId, key } },
          body: { ...body, valueType: type as "string", cas: 0 },
        }),
      ),
    onSuccess: async (entry) => {
      await queryClient.invalidateQueries({ queryKey: ["config", appId] });
      close();
      navigate(`/${keyPath(entry.key)}`);
    },
  });
  const errors = { ...fieldErrors(create.error), ...localErrors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const value = parseValue(valueText, type);
    if ("error" in value) local.value = value.error;
    let schema: Record<string, unknown> | undefined;
    if (type === "json" && schemaText.trim()) {
      const parsed = parseValue(schemaText, "json");
      if ("error" in parsed) local.schema = parsed.error;
      else schema = parsed.value as Record<string, unknown>;
    }
    setLocalErrors(local);
    if ("error" in value || Object.keys(local).length > 0) return;
    create.mutate({ value: value.value, ...(schema ? { schema } : {}) });
  };
  return (
    <>
      <Button onClick={open}>New entry</Button>
      <Modal opened={opened} onClose={close} title="New config entry" size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Key"
              required
              description="for example limits/max-items"
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              error={errors.key}
            />
            <Select
              label="Type"
              data={CONFIG_TYPES}
              value={type}
              allowDeselect={false}
              onChange={(next) => {
                const t = (next ?? "string") as ValueType;
                setType(t);
                setValueText(valueToText(undefined, t));
              }}
              error={errors.valueType}
            />
            <ValueInput type={type} label="Value" text={valueText} onChange={setValueText} error={errors.value} />
            {type === "json" && (
              <Textarea
                label="JSON Schema (optional)"
                description="Every value written later must meet it"
                value={schemaText}
                onChange={(e) => setSchemaText(e.currentTarget.value)}
                error={errors.schema}
                autosize
                minRows={3}
              />
            )}
            {!errors.key && !errors.value && !errors.schema && <ErrorAlert error={create.error} />}
            <Button type="submit" loading={create.isPending}>
              Create entry
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
