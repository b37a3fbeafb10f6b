import { Anchor, Badge, Group, Select, Stack, Switch, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { type Answer, unwrap } from "../../api";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { keyPath } from "../../paths";
import { useApi } from "../../SessionContext";
import { can } from "../../session";
import { NewFlagButton } from "./NewFlagButton";

type Flag = Answer<"listFlags">["items"][number];

/** The app's flags (up to 500), as the list shows them and as pickers of another flag need them. */
export function useFlags() {
  const { api, appId } = useApi();
  return useQuery({
    queryKey: ["flags", appId],
    queryFn: async () =>
      unwrap(await api.GET("/v1/apps/{appId}/flags", { params: { path: { appId }, query: { limit: 500 } } })),
  });
}

/** Every flag with its tags and an on/off switch; follows changes made elsewhere. */
export function FlagList() {
  const { session } = useApi();
  const [tag, setTag] = useState<string | null>(null);
  const flags = useFlags();
  const items = flags.data?.items ?? [];
  const tags = [...new Set(items.flatMap((flag) => flag.tags))].sort();
  const shown = tag ? items.filter((flag) => flag.tags.includes(tag)) : items;
  const writable = can(session, "flags:write");
  return (
    <Stack>
      <PageHeader
        title="Flags"
        description="Typed feature flags with targeting rules, rollouts and tenant overrides. Changes made elsewhere appear here as they happen."
        actions={writable && <NewFlagButton />}
      />
      {tags.length > 0 && (
        <Select
          label="Filter by tag"
          placeholder="Any tag"
          data={tags}
          value={tag}
          onChange={setTag}
          clearable
          maw={240}
        />
      )}
      <ErrorAlert error={flags.error} />
      {flags.isSuccess && items.length === 0 ? (
        <EmptyState title="No flags yet" action={writable ? <NewFlagButton /> : undefined}>
          Create a flag, give it a default, then add rules to target tenants, users or a percentage rollout.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-label="Flags">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Enabled</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Tags</Table.Th>
                <Table.Th>Rules</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((flag) => (
                <Table.Tr key={flag.id}>
                  <Table.Td>
                    <FlagToggle flag={flag} disabled={!writable} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} href={`/${keyPath(flag.key)}`}>
                      {flag.key}
                    </Anchor>
                    {flag.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {flag.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{flag.type}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {flag.tags.map((t) => (
                        <Badge key={t} variant="light" size="sm" tt="none">
                          {t}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{flag.rules.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** On/off, written with check-and-set on the version shown (a concurrent edit is refused, not overwritten). */
export function FlagToggle({ flag, disabled }: { flag: Flag; disabled?: boolean }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: async (enabled: boolean) =>
      unwrap(
        await api.PATCH("/v1/apps/{appId}/flags/{key}", {
          params: { path: { appId, key: flag.key } },
          body: { enabled, cas: flag.version },
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["flags", appId] }),
        queryClient.invalidateQueries({ queryKey: ["flag", appId, flag.key] }),
      ]),
  });
  return (
    <Stack gap={2}>
      <Switch
        aria-label={`${flag.key} enabled`}
        checked={flag.enabled}
        disabled={disabled || toggle.isPending}
        onChange={(event) => toggle.mutate(event.currentTarget.checked)}
        data-testid={`toggle-${flag.key}`}
      />
      {toggle.error && (
        <Text size="xs" c="red" role="alert">
          {(toggle.error as Error).message}
        </Text>
      )}
    </Stack>
  );
}
