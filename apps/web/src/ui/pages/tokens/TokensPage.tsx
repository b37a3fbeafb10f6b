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
  PasswordInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatTime, JsonText } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { useApi } from "../../SessionContext";
import { can } from "../../session";
import { ManageToken } from "./ManageToken";

/**
 * Tokens (tokenization): the records' metadata only — values and tokens never appear in a listing — plus storing a
 * value (the token shown once), managing one token (its record, expiry, password) and purging what has expired.
 */
export default function TokensPage() {
  const { api, appId, session } = useApi();
  const queryClient = useQueryClient();
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const list = useInfiniteQuery({
    queryKey: ["tokens", appId, includeDeleted],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/v1/apps/{appId}/tokens", {
          params: {
            path: { appId },
            query: {
              limit: 100,
              includeDeleted: includeDeleted ? "true" : "false",
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const purge = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/v1/apps/{appId}/tokens/purge-expired", { params: { path: { appId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tokens", appId] }),
  });
  const writable = can(session, "tokens:write");
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <PageHeader
        title="Tokens"
        description="Values stored behind opaque tokens, optionally password-protected. Listings show metadata only: a token is shown once, when it is made."
        actions={
          writable && (
            <ConfirmButton
              variant="default"
              color="red"
              title="Purge expired tokens?"
              message="Every record past its expiry is removed for good."
              confirmLabel="Purge"
              onConfirm={() => purge.mutateAsync()}
            >
              Purge expired
            </ConfirmButton>
          )
        }
      />
      {purge.data && <Alert color="green">{purge.data.count} expired record(s) purged.</Alert>}
      <ErrorAlert error={list.error ?? purge.error} />
      {writable && <TokenizeForm />}
      <ManageToken writable={writable} />
      <Group justify="space-between">
        <Title order={3}>Records</Title>
        <Checkbox
          label="Include soft-deleted"
          checked={includeDeleted}
          onChange={(e) => setIncludeDeleted(e.currentTarget.checked)}
        />
      </Group>
      {list.isSuccess && items.length === 0 ? (
        <EmptyState title="No tokens yet">Store a value above to get its first token.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Token records">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Id</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Password</Table.Th>
                <Table.Th>Data</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Text size="xs">{t.id}</Text>
                    {t.deletedAt && <Badge color="gray">deleted</Badge>}
                  </Table.Td>
                  <Table.Td>{formatTime(t.createdAt)}</Table.Td>
                  <Table.Td>{formatTime(t.expiresAt)}</Table.Td>
                  <Table.Td>{t.passwordProtected ? "yes" : "no"}</Table.Td>
                  <Table.Td>{Object.keys(t.data).length > 0 ? <JsonText value={t.data} /> : "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Stack>
  );
}

/** Store a value; the token comes back once, in a dialog with a copy button. */
function TokenizeForm() {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [value, setValue] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/v1/apps/{appId}/tokens", {
          params: { path: { appId } },
          body: { value, ...(password ? { password } : {}) },
        }),
      ),
    onSuccess: async (answer) => {
      setToken(answer.token);
      setValue("");
      setPassword("");
      await queryClient.invalidateQueries({ queryKey: ["tokens", appId] });
    },
  });
  const errors = fieldErrors(create.error);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      aria-label="Store a value"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack>
        <Textarea
          label="Value to tokenize"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={errors.value}
          autosize
        />
        <PasswordInput
          label="Password (optional)"
          description="Needed to read the value back; changing it later re-wraps keys, not values"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          aria-invalid={errors.password !== undefined || undefined}
          autoComplete="new-password"
        />
        {!errors.value && !errors.password && <ErrorAlert error={create.error} />}
        <Button type="submit" w="fit-content" loading={create.isPending}>
          Store and get a token
        </Button>
      </Stack>
      <Modal opened={token !== undefined} onClose={() => setToken(undefined)} title="Token" size="lg">
        <Stack>
          <Alert color="yellow" title="Shown once">
            Only a keyed hash of the token is stored: copy it now.
          </Alert>
          <Code block style={{ wordBreak: "break-all" }}>
            {token}
          </Code>
          <Group>
            <CopyButton value={token ?? ""}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? "Copied" : "Copy token"}</Button>}
            </CopyButton>
            <Button variant="default" onClick={() => setToken(undefined)}>
              Done
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
