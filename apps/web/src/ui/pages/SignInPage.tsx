import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { createApi, messageOf, unwrap } from "../api";
import { useSessionState } from "../SessionContext";

/** Sign in with an API key: checked with GET /v1/whoami, then kept in this tab's sessionStorage only. */
export function SignInPage() {
  const { signIn } = useSessionState();
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = apiKey.trim();
    if (key === "") {
      setError("Enter an API key (vault_…)");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const me = unwrap(await createApi(() => key).GET("/v1/whoami"));
      signIn({ apiKey: key, keyAppId: me.appId, appId: me.appId, scopes: me.scopes, instanceAdmin: me.instanceAdmin });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h3">
              Sign in to Vault
            </Title>
            <Text size="sm" c="dimmed">
              Paste an API key. It stays in this browser tab only (sessionStorage) and is forgotten when the tab closes.
              The server printed an instance-admin key on its first start.
            </Text>
            <PasswordInput
              label="API key"
              placeholder="vault_…"
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              onChange={(event) => setApiKey(event.currentTarget.value)}
              error={error}
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
