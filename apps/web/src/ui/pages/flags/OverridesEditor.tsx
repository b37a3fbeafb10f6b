import { Button, Code, Group, Paper, Stack, Table, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors, type JsonValue, unwrap } from "../../api";
import { formatTime } from "../../components/JsonText";
import { EmptyState, ErrorAlert } from "../../components/Page";
import { parseValue, ValueInput, type ValueType, valueToText } from "../../components/ValueInput";
import { useApi } from "../../SessionContext";
import type { Flag } from "./FlagDetail";

/** Tenants that get their own value of the flag, before any rule. */
export function OverridesEditor({ flag, readOnly }: { flag: Flag; readOnly: boolean }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const flagType = flag.type as ValueType;
  const overrides = useQuery({
    queryKey: ["flag", appId, flag.key, "overrides"],
    queryFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/flags/{key}/overrides", {
          params: { path: { appId, key: flag.key }, query: { limit: 500 } },
        }),
      ),
  });
  const [tenantId, setTenantId] = useState("");
  const [valueText, setValueText] = useState(() => valueToText(undefined, flagType));
  const [valueError, setValueError] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["flag", appId, flag.key] });
  const set = useMutation({
    mutationFn: async (value: JsonValue) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/flags/{key}/overrides/{tenantId}", {
          params: { path: { appId, key: flag.key, tenantId } },
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
        await api.DELETE("/v1/apps/{appId}/flags/{key}/overrides/{tenantId}", {
          params: { path: { appId, key: flag.key, tenantId: tenant } },
        }),
      ),
    onSuccess: refresh,
  });
  const errors = fieldErrors(set.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseValue(valueText, flagType);
    if ("error" in parsed) {
      setValueError(parsed.error);
      return;
    }
    setValueError(undefined);
    set.mutate(parsed.value);
  };
  const items = overrides.data?.items ?? [];
  return (
    <Stack>
      <ErrorAlert error={overrides.error ?? remove.error} />
      {overrides.isSuccess && items.length === 0 ? (
        <EmptyState title="No tenant overrides">
          A tenant given a value here gets it before any rule is tried.
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
        <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="Set a tenant override">
          <Group align="flex-start">
            <TextInput
              label="Tenant id"
              required
              value={tenantId}
              onChange={(e) => setTenantId(e.currentTarget.value)}
              error={errors.tenantId}
            />
            <ValueInput
              type={flagType}
              label="Value"
              text={valueText}
              onChange={setValueText}
              error={valueError ?? errors.value}
            />
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
