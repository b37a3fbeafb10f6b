import { Button, Checkbox, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Answer, fieldErrors, isVaultApiError, shownAtFields, unwrap } from "../../api";
import { formatTime, isoOf, JsonText } from "../../components/JsonText";
import { ErrorAlert } from "../../components/Page";
import { useApi } from "../../SessionContext";

type TokenMeta = Answer<"renewToken">;

/** A refused password (wrong or missing: the API does not say which) as the error of the current-password field. */
function passwordErrors(error: unknown): Record<string, string> {
  const errors = fieldErrors(error);
  if (isVaultApiError(error) && (error.details as { reason?: unknown }).reason === "password") {
    errors.oldPassword ??= `${error.message} (${error.code})`;
  }
  return errors;
}

/**
 * One token, pasted (it travels in request bodies only, never a URL, and is kept in this form only): its record's
 * metadata (never the value), a new expiry, a new password. Writes need tokens:write.
 */
export function ManageToken({ writable }: { writable: boolean }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [token, setToken] = useState("");
  const [tokenError, setTokenError] = useState<string>();
  const [expiresAt, setExpiresAt] = useState("");
  const [never, setNever] = useState(false);
  const [expiryError, setExpiryError] = useState<string>();
  const [oldPassword, setOldPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [record, setRecord] = useState<Partial<TokenMeta> & { id: string }>();
  const [done, setDone] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["tokens", appId] });
  /** The pasted token, or undefined (and the field says why). */
  const pasted = () => {
    const trimmed = token.trim();
    setTokenError(trimmed === "" ? "Paste the token first" : undefined);
    setDone(undefined);
    return trimmed === "" ? undefined : trimmed;
  };
  const lookUp = useMutation({
    mutationFn: async (value: string) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/tokens/query", {
          params: { path: { appId } },
          body: { tokens: [value], includeDeleted: true },
        }),
      ),
    onSuccess: (answer) => {
      const found = "items" in answer ? answer.items[0] : undefined;
      setRecord(found);
      if (found === undefined) setTokenError("No record has this token (or it was deleted for good)");
    },
  });
  const renew = useMutation({
    mutationFn: async (value: string) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/tokens/renew", {
          params: { path: { appId } },
          body: { token: value, expiresAt: never ? null : (isoOf(expiresAt) ?? null) },
        }),
      ),
    onSuccess: async (meta) => {
      setRecord(meta);
      setDone(meta.expiresAt ? `Renewed: expires ${formatTime(meta.expiresAt)}.` : "Renewed: never expires.");
      await refresh();
    },
  });
  const changePassword = useMutation({
    mutationFn: async (value: string) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/tokens/change-password", {
          params: { path: { appId } },
          body: { token: value, oldPassword: oldPassword || null, newPassword: newPassword || null },
        }),
      ),
    onSuccess: async (meta) => {
      setRecord(meta);
      setOldPassword("");
      setNewPassword("");
      setDone(meta.passwordProtected ? "Password changed." : "Password removed: the value reads with the token alone.");
      await refresh();
    },
  });
  const renewErrors = fieldErrors(renew.error);
  const passwordFieldErrors = passwordErrors(changePassword.error);
  const lookUpErrors = fieldErrors(lookUp.error);
  const tokenFieldError =
    tokenError ?? lookUpErrors.token ?? renewErrors.token ?? passwordFieldErrors.token ?? lookUpErrors.tokens;
  const run = (mutation: { mutate(value: string): void }) => (event?: FormEvent) => {
    event?.preventDefault();
    const value = pasted();
    if (value !== undefined) mutation.mutate(value);
  };
  return (
    <Paper withBorder p="md" component="section" aria-label="Manage a token">
      <Stack>
        <Title order={4}>Manage a token</Title>
        <Group align="flex-end">
          <PasswordInput
            label="Token"
            description="Kept in this form only; sent in request bodies, never in a URL"
            value={token}
            onChange={(event) => {
              setToken(event.currentTarget.value);
              setRecord(undefined);
            }}
            error={tokenFieldError}
            // Mantine's PasswordInput leaves aria-invalid off its input; screen readers need it.
            aria-invalid={tokenFieldError !== undefined || undefined}
            autoComplete="off"
            w={420}
          />
          <Button variant="light" onClick={() => run(lookUp)()} loading={lookUp.isPending}>
            Look up
          </Button>
        </Group>
        {!shownAtFields(lookUpErrors, ["token", "tokens"]) && <ErrorAlert error={lookUp.error} />}
        {record && (
          <Table aria-label="Token record" withRowBorders={false} maw={640}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>Id</Table.Th>
                <Table.Td>{record.id}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Expires</Table.Th>
                <Table.Td>{record.expiresAt ? formatTime(record.expiresAt) : "never"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Password</Table.Th>
                <Table.Td data-testid="token-password">{record.passwordProtected ? "yes" : "no"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>State</Table.Th>
                <Table.Td>{record.deletedAt ? `soft-deleted ${formatTime(record.deletedAt)}` : "live"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Data</Table.Th>
                <Table.Td>
                  {record.data && Object.keys(record.data).length > 0 ? <JsonText value={record.data} /> : "—"}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {done && (
          <Text size="sm" c="green" role="status">
            {done}
          </Text>
        )}
        {writable && (
          <Group align="flex-start" gap="xl">
            <Stack
              component="form"
              aria-label="Renew the token"
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                const missing = !never && expiresAt === "";
                setExpiryError(missing ? "Choose the new expiry, or tick Never expires" : undefined);
                if (!missing) run(renew)();
              }}
              gap="xs"
              w={300}
            >
              <Title order={5}>Renew</Title>
              <TextInput
                type="datetime-local"
                label="New expiry"
                value={expiresAt}
                disabled={never}
                onChange={(event) => setExpiresAt(event.currentTarget.value)}
                error={expiryError ?? renewErrors.expiresAt}
              />
              <Checkbox label="Never expires" checked={never} onChange={(e) => setNever(e.currentTarget.checked)} />
              {!shownAtFields(renewErrors, ["token", "expiresAt"]) && <ErrorAlert error={renew.error} />}
              <Button type="submit" variant="default" w="fit-content" loading={renew.isPending}>
                Renew
              </Button>
            </Stack>
            <Stack
              component="form"
              aria-label="Change the token's password"
              onSubmit={run(changePassword)}
              gap="xs"
              w={300}
            >
              <Title order={5}>Change password</Title>
              <PasswordInput
                label="Current password"
                description="Empty: the record has none"
                value={oldPassword}
                onChange={(event) => setOldPassword(event.currentTarget.value)}
                error={passwordFieldErrors.oldPassword}
                aria-invalid={passwordFieldErrors.oldPassword !== undefined || undefined}
                autoComplete="off"
              />
              <PasswordInput
                label="New password"
                description="Empty: remove the password"
                value={newPassword}
                onChange={(event) => setNewPassword(event.currentTarget.value)}
                error={passwordFieldErrors.newPassword}
                aria-invalid={passwordFieldErrors.newPassword !== undefined || undefined}
                autoComplete="new-password"
              />
              {!shownAtFields(passwordFieldErrors, ["token", "oldPassword", "newPassword"]) && (
                <ErrorAlert error={changePassword.error} />
              )}
              <Button type="submit" variant="default" w="fit-content" loading={changePassword.isPending}>
                Change password
              </Button>
            </Stack>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
