import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import { fieldErrors, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatTime, JsonText } from "../../components/JsonText";
import { ErrorAlert, PageHeader } from "../../components/Page";
import { keyFromPath } from "../../paths";
import { useApi } from "../../SessionContext";
import { can } from "../../session";

const STATE_COLOR = { active: "green", deleted: "yellow", destroyed: "gray" } as const;

/** One secret: metadata, the versions timeline, reveal on click, set with check-and-set, delete/undelete/destroy/purge. */
export function SecretDetail({ keySegment }: { keySegment: string }) {
  const key = keyFromPath(keySegment);
  const { api, appId, session } = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const path = { appId, key };
  const meta = useQuery({
    queryKey: ["secret-meta", appId, key],
    queryFn: async () => unwrap(await api.GET("/v1/apps/{appId}/secrets/{key}/meta", { params: { path } })),
  });
  const versions = useQuery({
    queryKey: ["secret-versions", appId, key],
    queryFn: async () => unwrap(await api.GET("/v1/apps/{appId}/secrets/{key}/versions", { params: { path } })),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["secret-meta", appId, key] }),
      queryClient.invalidateQueries({ queryKey: ["secret-versions", appId, key] }),
      queryClient.invalidateQueries({ queryKey: ["secrets", appId] }),
    ]);
  const [actionError, setActionError] = useState<unknown>();
  const act = async (action: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await action();
      await refresh();
    } catch (error) {
      setActionError(error);
    }
  };
  const writable = can(session, "secrets:write");
  const admin = can(session, "admin");
  const items = versions.data?.items ?? [];

  return (
    <Stack>
      <Anchor component={Link} href="/" size="sm">
        ← All secrets
      </Anchor>
      <PageHeader
        title={key}
        description="Values are shown only when you ask, one version at a time; each reveal writes an audit entry."
        actions={
          admin && (
            <ConfirmButton
              color="red"
              variant="light"
              title={`Purge ${key}?`}
              message="Every version is removed for good, and a proof of the purge is written to the audit log. This cannot be undone."
              typeToConfirm={key}
              confirmLabel="Purge"
              onConfirm={() =>
                act(async () => {
                  unwrap(await api.POST("/v1/apps/{appId}/secrets/{key}/purge", { params: { path } }));
                  navigate("/");
                })
              }
            >
              Purge
            </ConfirmButton>
          )
        }
      />
      <ErrorAlert error={meta.error ?? versions.error} />
      <ErrorAlert error={actionError} />
      {meta.data && (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Field label="Current version" value={String(meta.data.version)} />
            <Field label="Keeps versions" value={String(meta.data.maxVersions)} />
            <Field label="Updated" value={formatTime(meta.data.updatedAt)} />
            <Field label="Expires" value={formatTime(meta.data.expiresAt)} />
          </SimpleGrid>
          {Object.keys(meta.data.metadata).length > 0 && (
            <Stack gap={4} mt="sm">
              <Text size="sm" fw={600}>
                Metadata
              </Text>
              <JsonText value={meta.data.metadata} />
            </Stack>
          )}
        </Paper>
      )}
      {writable && meta.data && <SetVersionForm secretKey={key} currentVersion={meta.data.version} onSaved={refresh} />}
      <Title order={3}>Versions</Title>
      <Timeline bulletSize={18} lineWidth={2} active={-1} aria-label="Versions">
        {[...items].reverse().map((version) => (
          <Timeline.Item
            key={version.id}
            title={
              <Group gap="xs">
                <Text fw={600}>Version {version.version}</Text>
                <Badge color={STATE_COLOR[version.state]} variant="light">
                  {version.state}
                </Badge>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatTime(version.createdAt)}
              {version.createdBy ? ` by ${version.createdBy}` : ""}
              {version.deletedAt ? ` · deleted ${formatTime(version.deletedAt)}` : ""}
              {version.destroyedAt ? ` · destroyed ${formatTime(version.destroyedAt)}` : ""}
            </Text>
            <Group gap="xs" mt={6}>
              {version.state === "active" && can(session, "secrets:read") && (
                <RevealValue secretKey={key} version={version.version} />
              )}
              {writable && version.state === "active" && (
                <ConfirmButton
                  size="xs"
                  variant="default"
                  color="yellow"
                  title={`Delete version ${version.version}?`}
                  message="The version is soft-deleted: it can no longer be read, and Undelete brings it back."
                  confirmLabel="Delete"
                  onConfirm={() =>
                    act(async () =>
                      unwrap(
                        await api.DELETE("/v1/apps/{appId}/secrets/{key}", {
                          params: { path, query: { versions: String(version.version) } },
                        }),
                      ),
                    )
                  }
                >
                  Delete
                </ConfirmButton>
              )}
              {writable && version.state === "deleted" && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    act(async () =>
                      unwrap(
                        await api.POST("/v1/apps/{appId}/secrets/{key}/undelete", {
                          params: { path },
                          body: { versions: [version.version] },
                        }),
                      ),
                    )
                  }
                >
                  Undelete
                </Button>
              )}
              {admin && version.state !== "destroyed" && (
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  title={`Destroy version ${version.version}?`}
                  message="Its data key is destroyed (crypto-shredding): the value can never be read again, by anyone."
                  typeToConfirm={String(version.version)}
                  confirmLabel="Destroy"
                  onConfirm={() =>
                    act(async () =>
                      unwrap(
                        await api.POST("/v1/apps/{appId}/secrets/{key}/destroy", {
                          params: { path },
                          body: { versions: [version.version] },
                        }),
                      ),
                    )
                  }
                >
                  Destroy
                </ConfirmButton>
              )}
            </Group>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/** The value of one version, fetched only on an explicit click (an audited read) and held in this component only. */
function RevealValue({ secretKey, version }: { secretKey: string; version: number }) {
  const { api, appId } = useApi();
  const [revealed, setRevealed] = useState<{ value: string; encoding: string } | undefined>();
  const reveal = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.GET("/v1/apps/{appId}/secrets/{key}", {
          params: { path: { appId, key: secretKey }, query: { version } },
        }),
      ),
    onSuccess: (answer) => setRevealed({ value: answer.value, encoding: answer.encoding }),
  });
  if (revealed) {
    return (
      <Group gap="xs" wrap="nowrap" maw="100%">
        <Code data-testid={`secret-value-${version}`} style={{ wordBreak: "break-all" }}>
          {revealed.value}
        </Code>
        {revealed.encoding === "base64" && <Badge size="xs">base64</Badge>}
        <CopyButton value={revealed.value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? "Copied" : "Copy"}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="subtle" onClick={() => setRevealed(undefined)}>
          Hide
        </Button>
      </Group>
    );
  }
  return (
    <>
      <Button size="xs" variant="light" loading={reveal.isPending} onClick={() => reveal.mutate()}>
        Reveal value
      </Button>
      {reveal.error && (
        <Text size="xs" c="red" role="alert">
          {(reveal.error as Error).message}
        </Text>
      )}
    </>
  );
}

/** A new version, by default only if the secret is still at the version shown (check-and-set). */
function SetVersionForm({
  secretKey,
  currentVersion,
  onSaved,
}: {
  secretKey: string;
  currentVersion: number;
  onSaved(): Promise<unknown>;
}) {
  const { api, appId } = useApi();
  const [value, setValue] = useState("");
  const [checkAndSet, setCheckAndSet] = useState(true);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/secrets/{key}", {
          params: { path: { appId, key: secretKey } },
          body: { value, ...(checkAndSet ? { cas: currentVersion } : {}) },
        }),
      ),
    onSuccess: async () => {
      setValue("");
      await onSaved();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Set a new version
        </Title>
        <Textarea
          label="New value"
          autosize
          minRows={1}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={errors.value}
          autoComplete="off"
          spellCheck={false}
        />
        <Checkbox
          label={`Only if the secret is still at version ${currentVersion} (check-and-set)`}
          checked={checkAndSet}
          onChange={(event) => setCheckAndSet(event.currentTarget.checked)}
        />
        {!errors.value && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save version {currentVersion + 1}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
