import { Button, Code, Group, Modal, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Answer, fieldErrors, type JsonValue, shownAtFields, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatTime, parseJson } from "../../components/JsonText";
import { EmptyState, ErrorAlert, PageHeader } from "../../components/Page";
import { useApi } from "../../SessionContext";
import { can } from "../../session";
import { useSegments } from "./useSegments";

type Segment = Answer<"getSegment">;
type Constraints = Answer<"getSegment">["constraints"];

const CONSTRAINTS_EXAMPLE = '[{"attribute": "plan", "operator": "in", "values": ["enterprise"]}]';
const SEGMENT_FIELDS = ["key", "description", "constraints"];

/**
 * Segments: named constraint lists that flag rules name (`segments: [key]`), so that an audience is defined once. A
 * segment's changes reach every flag naming it, live; one that a rule names cannot be deleted (the API names the flags).
 */
export default function SegmentsPage() {
  const { api, appId, session } = useApi();
  const queryClient = useQueryClient();
  const segments = useSegments();
  const [editing, setEditing] = useState<Segment | "new" | undefined>();
  const remove = useMutation({
    mutationFn: async (segment: Segment) =>
      unwrap(
        await api.DELETE("/v1/apps/{appId}/segments/{key}", {
          params: { path: { appId, key: segment.key }, query: { cas: segment.version } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["flags", appId, "segments"] }),
  });
  const writable = can(session, "flags:write");
  const items = segments.data?.items ?? [];
  const newButton = writable && <Button onClick={() => setEditing("new")}>New segment</Button>;
  return (
    <Stack>
      <PageHeader
        title="Segments"
        description="Named audiences — lists of conditions on the evaluation context, all of which must hold — that flag rules name instead of repeating the conditions. A change reaches every flag that names the segment."
        actions={newButton}
      />
      <ErrorAlert error={segments.error ?? remove.error} />
      {segments.isSuccess && items.length === 0 ? (
        <EmptyState title="No segments yet" action={newButton || undefined}>
          Define one (for example enterprise: plan in [enterprise]), then name it in a flag rule's Segments.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Segments" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Conditions</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((segment) => (
                <Table.Tr key={segment.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {segment.key}
                    </Text>
                    {segment.description && (
                      <Text size="xs" c="dimmed">
                        {segment.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Code style={{ whiteSpace: "normal", wordBreak: "break-word" }}>
                      {JSON.stringify(segment.constraints)}
                    </Code>
                  </Table.Td>
                  <Table.Td>{segment.version}</Table.Td>
                  <Table.Td>{formatTime(segment.updatedAt)}</Table.Td>
                  <Table.Td>
                    {writable && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Edit ${segment.key}`}
                          onClick={() => setEditing(segment)}
                        >
                          Edit
                        </Button>
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          aria-label={`Delete ${segment.key}`}
                          title={`Delete ${segment.key}?`}
                          message="Refused while a flag rule names it: remove it from those rules first."
                          confirmLabel="Delete"
                          onConfirm={() => remove.mutateAsync(segment)}
                        >
                          Delete
                        </ConfirmButton>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing === "new" ? "New segment" : `Edit ${editing?.key ?? ""}`}
        size="lg"
      >
        {editing !== undefined && (
          <SegmentForm
            key={editing === "new" ? "new" : editing.id}
            segment={editing === "new" ? undefined : editing}
            onSaved={() => setEditing(undefined)}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** Create a segment (key, description, conditions), or change one's description and conditions with check-and-set. */
function SegmentForm({ segment, onSaved }: { segment?: Segment; onSaved(): void }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(segment?.key ?? "");
  const [description, setDescription] = useState(segment?.description ?? "");
  const [constraintsText, setConstraintsText] = useState(
    segment ? JSON.stringify(segment.constraints, null, 2) : CONSTRAINTS_EXAMPLE,
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (constraints: Constraints) => {
      if (segment === undefined) {
        return unwrap(
          await api.POST("/v1/apps/{appId}/segments", {
            params: { path: { appId } },
            body: { key: key.trim(), description, constraints },
          }),
        );
      }
      return unwrap(
        await api.PATCH("/v1/apps/{appId}/segments/{key}", {
          params: { path: { appId, key: segment.key } },
          body: { description, constraints, cas: segment.version },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["flags", appId, "segments"] });
      onSaved();
    },
  });
  const errors = { ...fieldErrors(save.error), ...localErrors };
  const constraintsError =
    errors.constraints ?? Object.entries(errors).find(([field]) => field.startsWith("constraints."))?.[1];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (segment === undefined && key.trim() === "") local.key = "Enter a key (for example enterprise)";
    const parsed = parseJson(constraintsText);
    if (parsed.error !== undefined) local.constraints = parsed.error;
    else if (!Array.isArray(parsed.value)) local.constraints = `a JSON list of conditions: ${CONSTRAINTS_EXAMPLE}`;
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    save.mutate(parsed.value as Constraints & JsonValue);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={segment ? "Edit segment" : "New segment"}>
      <Stack>
        <TextInput
          label="Key"
          required
          disabled={segment !== undefined}
          description={segment ? "A segment's key does not change" : "The name flag rules use (for example enterprise)"}
          value={key}
          onChange={(event) => setKey(event.currentTarget.value)}
          error={errors.key}
        />
        <TextInput
          label="Description"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
        />
        <Textarea
          label="Conditions (JSON list; all must hold)"
          description="Each names an attribute of the context (tenantId, userId, tenantTags, or your own), an operator and values: the same conditions as a rule's Constraints"
          required
          autosize
          minRows={4}
          value={constraintsText}
          onChange={(event) => setConstraintsText(event.currentTarget.value)}
          error={constraintsError}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
        {!shownAtFields(errors, SEGMENT_FIELDS) && !constraintsError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {segment ? "Save segment" : "Create segment"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
