import { Alert, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { messageOf } from "../api";

/** A page's title, what it is for, and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
      <Stack gap={4}>
        <Title order={2}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed" maw={720}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

/** A failed call, with the API's own message and code (and the request id to quote). */
export function ErrorAlert({ error, title = "The server refused this" }: { error: unknown; title?: string }) {
  if (!error) return null;
  const requestId = (error as { requestId?: string }).requestId;
  return (
    <Alert color="red" title={title} role="alert" data-testid="error-alert">
      <Text size="sm">{messageOf(error)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed">
          request id: {requestId}
        </Text>
      )}
    </Alert>
  );
}

/** What an empty list means and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" p="xl" data-testid="empty-state">
      <Text fw={600}>{title}</Text>
      {children && (
        <Text size="sm" c="dimmed" ta="center" maw={480}>
          {children}
        </Text>
      )}
      {action}
    </Stack>
  );
}
