import { Button, Code, Group, Paper, Stack, Table, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors, type JsonValue, shownAtFields, unwrap } from "../../api";
import { formatTime } from "../../components/JsonText";
import { EmptyState, ErrorAlert } from "../../components/Page";
import { parseValue, ValueInput, type ValueType, valueToText } from "../../components/ValueInput";
import { useApi } from "../../SessionContext";
import type { Flag } from "./FlagDetail";

/** Who gets their own value: a tenant (its override), or a user (an individual target, which beats the tenant's). */
type Target = "tenant" | "user";

const TEXT = {
  tenant: {
    title: "Tenant overrides",
    idLabel: "Tenant id",
    idField: "tenantId",
    empty: "No tenant overrides",
    emptyHint: "A tenant given a value here gets it before any rule is tried.",
    form: "Set a tenant override",
  },
  user: {
    title: "User overrides (individual targets)",
    idLabel: "User id",
    idField: "userId",
    empty: "No user overrides",
    emptyHint: "A user given a value here gets it before their tenant's override and any rule.",
    form: "Set a user override",
  },
} as const;

interface Override {
  id: string;
  who: string;
  value: unknown;
  updatedAt: string;
}

/** The API calls of one kind of override, as one shape. */
function useOverrideCalls(flagKey: string, target: Target) {
  const { api, appId } = useApi();
  const key = flagKey;
  if (target === "tenant") {
    return {
      list: async (): Promise<Override[]> =>
        unwrap(
          await api.GET("/v1/apps/{appId}/flags/{key}/overrides", {
            params: { path: { appId, key }, query: { limit: 500 } },
          }),
        ).items.map((o) => ({ id: o.id, who: o.tenantId, value: o.value, updatedAt: o.updatedAt })),
      set: async (tenantId: string, value: JsonValue) =>
        unwrap(
          await api.PUT("/v1/apps/{appId}/flags/{key}/overrides/{tenantId}", {
            params: { path: { appId, key, tenantId } },
            body: { value },
          }),
        ),
      remove: async (tenantId: string) =>
        unwrap(
          await api.DELETE("/v1/apps/{appId}/flags/{key}/overrides/{tenantId}", {
            params: { path: { appId, key, tenantId } },
          }),
        ),
    };
  }
  return {
    list: async (): Promise<Override[]> =>
      unwrap(
        await api.GET("/v1/apps/{appId}/flags/{key}/user-overrides", {
          params: { path: { appId, key }, query: { limit: 500 } },
        }),
      ).items.map((o) => ({ id: o.id, who: o.userId, value: o.value, updatedAt: o.updatedAt })),
    set: async (userId: string, value: JsonValue) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/flags/{key}/user-overrides/{userId}", {
          params: { path: { appId, key, userId } },
          body: { value },
        }),
      ),
    remove: async (userId: string) =>
      unwrap(
        await api.DELETE("/v1/apps/{appId}/flags/{key}/user-overrides/{userId}", {
          params: { path: { appId, key, userId } },
        }),
      ),
  };
}

/** Tenants, then users, that get their own value of the flag before any rule. */
export function OverridesEditor({ flag, readOnly }: { flag: Flag; readOnly: boolean }) {
  return (
    <Stack gap="xl">
      <TargetOverrides flag={flag} readOnly={readOnly} target="tenant" />
      <TargetOverrides flag={flag} readOnly={readOnly} target="user" />
    </Stack>
  );
}

function TargetOverrides({ flag, readOnly, target }: { flag: Flag; readOnly: boolean; target: Target }) {
  const { appId } = useApi();
  const queryClient = useQueryClient();
  const text = TEXT[target];
  const calls = useOverrideCalls(flag.key, target);
  const flagType = flag.type as ValueType;
  const overrides = useQuery({ queryKey: ["flag", appId, flag.key, "overrides", target], queryFn: calls.list });
  const [who, setWho] = useState("");
  const [valueText, setValueText] = useState(() => valueToText(undefined, flagType));
  const [valueError, setValueError] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["flag", appId, flag.key] });
  const set = useMutation({
    mutationFn: async (value: JsonValue) => calls.set(who.trim(), value),
    onSuccess: async () => {
      setWho("");
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: calls.remove, onSuccess: refresh });
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
  const items = overrides.data ?? [];
  return (
    <Stack>
      <Title order={4}>{text.title}</Title>
      <ErrorAlert error={overrides.error ?? remove.error} />
      {overrides.isSuccess && items.length === 0 ? (
        <EmptyState title={text.empty}>{text.emptyHint}</EmptyState>
      ) : (
        <Table aria-label={text.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text.idLabel.replace(/ id$/, "")}</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Updated</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.who}</Table.Td>
                <Table.Td>
                  <Code>{JSON.stringify(o.value)}</Code>
                </Table.Td>
                <Table.Td>{formatTime(o.updatedAt)}</Table.Td>
                <Table.Td>
                  {!readOnly && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove the override of ${o.who}`}
                      onClick={() => remove.mutate(o.who)}
                    >
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
        <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={text.form}>
          <Group align="flex-start">
            <TextInput
              label={text.idLabel}
              required
              value={who}
              onChange={(e) => setWho(e.currentTarget.value)}
              error={errors[text.idField]}
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
          {!shownAtFields(errors, [text.idField, "value"]) && <ErrorAlert error={set.error} />}
        </Paper>
      )}
    </Stack>
  );
}
