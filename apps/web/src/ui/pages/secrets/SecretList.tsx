import { Anchor, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { unwrap } from "../../api";
import { formatTime } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { keyPath } from "../../paths";
import { useApi } from "../../SessionContext";
import { can } from "../../session";
import { NewSecretButton } from "./NewSecretButton";

const PAGE_SIZE = 50;

/** Secrets by key, searched by prefix, a page at a time (metadata only: values are read on the secret's page). */
export function SecretList() {
  const { api, appId, session } = useApi();
  const [prefix, setPrefix] = useState("");
  const [search] = useDebouncedValue(prefix.trim(), 250);
  const list = useInfiniteQuery({
    queryKey: ["secrets", appId, search],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/v1/apps/{appId}/secrets", {
          params: {
            path: { appId },
            query: {
              limit: PAGE_SIZE,
              ...(search ? { prefix: search } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const writable = can(session, "secrets:write");
  return (
    <Stack>
      <PageHeader
        title="Secrets"
        description="Encrypted, versioned values. The list shows metadata only; a value is revealed on the secret's page, on request, and every reveal is audited."
        actions={writable && <NewSecretButton />}
      />
      <TextInput
        label="Search by key prefix"
        placeholder="db/"
        value={prefix}
        onChange={(event) => setPrefix(event.currentTarget.value)}
        maw={360}
      />
      <ErrorAlert error={list.error} />
      {list.isSuccess && items.length === 0 ? (
        <EmptyState
          title={search ? `No secret key starts with "${search}"` : "No secrets yet"}
          action={writable && !search ? <NewSecretButton /> : undefined}
        >
          {search ? "Try a shorter prefix." : "Create the first one: a key such as db/password and its value."}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-label="Secrets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th>Expires</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((secret) => (
                <Table.Tr key={secret.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/${keyPath(secret.key)}`}>
                      {secret.key}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{secret.version}</Table.Td>
                  <Table.Td>{formatTime(secret.updatedAt)}</Table.Td>
                  <Table.Td>{formatTime(secret.expiresAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        )}
        {items.length > 0 && (
          <Text size="sm" c="dimmed">
            {items.length} shown
          </Text>
        )}
      </Group>
    </Stack>
  );
}
