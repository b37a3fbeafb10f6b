import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { whenIdle } from "../lazy";
import { SignedInShell } from "../routes";
import { useSessionState } from "../SessionContext";

/**
 * Sign in with an API key: checked with GET /v1/whoami, then kept in this tab's sessionStorage only. The API client and
 * the pages behind sign-in are fetched once the form is on screen (they are not part of the first load), and the
 * sign-in waits for them, so the first page appears at once instead of behind a spinner.
 */
export function SignInPage() {
  const { signIn } = useSessionState();
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => whenIdle(() => void SignedInShell.preload().catch(() => undefined)), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = apiKey.trim();
    if (key === "") {
      setError("Enter an API key (vault_…)");
      return;
    }
    setBusy(true);
    setError(undefined);
    let client: typeof import("../api") | undefined;
    try {
      client = await import("../api");
      const [answer] = await Promise.all([
        client.createApi(() => key).GET("/v1/whoami"),
        // Failing to fetch the shell here is not a failed sign-in: it is asked for again when it renders.
        SignedInShell.preload().catch(() => undefined),
      ]);
      const me = client.unwrap(answer);
      signIn({ apiKey: key, keyAppId: me.appId, appId: me.appId, scopes: me.scopes, instanceAdmin: me.instanceAdmin });
    } catch (failure) {
      setError(client ? client.messageOf(failure) : String(failure));
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
              // Mantine's PasswordInput leaves aria-invalid off its input; screen readers need it.
              aria-invalid={error !== undefined || undefined}
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
