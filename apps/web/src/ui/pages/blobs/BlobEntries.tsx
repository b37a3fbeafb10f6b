import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Answer, fieldErrors, type JsonValue, shownAtFields, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { readAsBase64, saveAs } from "../../components/download";
import { formatTime, isoOf, JsonText, parseJson } from "../../components/JsonText";
import { EmptyState, ErrorAlert } from "../../components/Page";
import { useApi } from "../../SessionContext";
import { can } from "../../session";

type BlobMeta = Answer<"listBlobs">["items"][number];
type PurgeProof = Answer<"deleteBlob">;

const PAGE_SIZE = 50;
// Owners (key ids) and metadata are long unbroken strings: wrapped, so the row's actions stay on screen.
const WRAP = { whiteSpace: "normal", wordBreak: "break-all" } as const;
const IDENTITY_FIELD = "headers.x-vault-identity";
const UPLOAD_FIELDS = ["id", "purpose", "data", "metadata", "expiresAt", "maxRetrievals", IDENTITY_FIELD];

/** The identity header, when one is given (it owns what is stored and is named in the audit entries). */
function identityHeader(identity: string) {
  const trimmed = identity.trim();
  return trimmed === "" ? undefined : { "x-vault-identity": trimmed };
}

/** The file name to save an entry's bytes under: its metadata's `filename` when it has one, else its id. */
function fileNameOf(entry: BlobMeta): string {
  const name = (entry.metadata as Record<string, unknown>).filename;
  return typeof name === "string" && /^[^/\\]{1,200}$/.test(name) ? name : entry.id;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A purpose's entries: the list (metadata only), upload a file with metadata, an expiry and a retrieval limit, download
 * (one counted, audited retrieval) and purge (answered with the purge's proof). Acting as an identity (x-vault-identity)
 * when one is given: it owns what is stored, and owner-only purposes show it its own entries.
 */
export function BlobEntries({ purposes }: { purposes: string[] }) {
  const { session } = useApi();
  const [picked, setPicked] = useState<string | null>(null);
  const [identity, setIdentity] = useState("");
  const purpose = picked !== null && purposes.includes(picked) ? picked : purposes[0];
  if (purpose === undefined) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Blob entries">
      <Stack>
        <Title order={4}>Entries</Title>
        <Group align="flex-start">
          <Select
            label="Purpose"
            data={purposes}
            value={purpose}
            allowDeselect={false}
            onChange={(value) => value && setPicked(value)}
            w={220}
          />
          <TextInput
            label="Acting as identity"
            description="Optional (x-vault-identity): owns what you store; required where the policy says so"
            placeholder="user:42"
            value={identity}
            onChange={(event) => setIdentity(event.currentTarget.value)}
            autoComplete="off"
            w={340}
          />
        </Group>
        <EntryList purpose={purpose} identity={identity} />
        {can(session, "blobs:write") && <UploadForm purpose={purpose} identity={identity} />}
      </Stack>
    </Paper>
  );
}

function EntryList({ purpose, identity }: { purpose: string; identity: string }) {
  const { api, appId, session } = useApi();
  const queryClient = useQueryClient();
  const [proof, setProof] = useState<PurgeProof | undefined>();
  const header = identityHeader(identity);
  const list = useInfiniteQuery({
    queryKey: ["blobs", appId, purpose, header?.["x-vault-identity"] ?? ""],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/v1/apps/{appId}/blobs/{purpose}", {
          params: {
            path: { appId, purpose },
            query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
            ...(header ? { header } : {}),
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["blobs", appId, purpose] });
  const download = useMutation({
    mutationFn: async (entry: BlobMeta) => {
      const answer = await api.GET("/v1/apps/{appId}/blobs/{purpose}/{id}", {
        params: { path: { appId, purpose, id: entry.id }, ...(header ? { header } : {}) },
        parseAs: "blob",
      });
      saveAs(unwrap(answer), fileNameOf(entry));
    },
    // One retrieval was counted (and may have been the last).
    onSettled: refresh,
  });
  const purge = useMutation({
    mutationFn: async (entry: BlobMeta) =>
      unwrap(
        await api.DELETE("/v1/apps/{appId}/blobs/{purpose}/{id}", {
          params: { path: { appId, purpose, id: entry.id }, ...(header ? { header } : {}) },
        }),
      ),
    onSuccess: async (answer) => {
      setProof(answer);
      await refresh();
    },
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const writable = can(session, "blobs:write");
  return (
    <>
      <ErrorAlert error={list.error ?? download.error ?? purge.error} />
      {list.isSuccess && items.length === 0 ? (
        <EmptyState title={`No entries under ${purpose}`}>
          {writable
            ? "Upload a file below: it is encrypted, kept until its expiry and then purged with a proof."
            : "Entries stored under this purpose by your services appear here."}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Blob entries" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Id</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Metadata</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Retrievals left</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.id}</Table.Td>
                  <Table.Td>{formatBytes(entry.size)}</Table.Td>
                  <Table.Td>
                    <Code style={WRAP}>{entry.owner}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Code style={WRAP}>{JSON.stringify(entry.metadata)}</Code>
                  </Table.Td>
                  <Table.Td>{formatTime(entry.expiresAt)}</Table.Td>
                  <Table.Td>{entry.retrievalsLeft ?? "unlimited"}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Download ${entry.id}`}
                        title="Counts one retrieval and is audited"
                        loading={download.isPending && download.variables?.id === entry.id}
                        onClick={() => download.mutate(entry)}
                      >
                        Download
                      </Button>
                      {writable && (
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Purge ${entry.id}`}
                          title={`Purge ${entry.id}?`}
                          message="Its content is destroyed now and cannot be retrieved again. The answer is a keyed proof of the purge, also kept in the audit log."
                          confirmLabel="Purge"
                          onConfirm={() => purge.mutateAsync(entry)}
                        >
                          Purge
                        </ConfirmButton>
                      )}
                    </Group>
                  </Table.Td>
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
      <Modal opened={proof !== undefined} onClose={() => setProof(undefined)} title="Purge proof" size="lg">
        <Stack>
          <Text size="sm">
            {proof?.id} was purged. Keep this proof to show it later: the server verifies it (POST
            …/blobs/verify-proof), and with the content you kept, that the purged entry held it.
          </Text>
          {proof && <JsonText value={proof} />}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() =>
                proof &&
                saveAs(
                  new Blob([JSON.stringify(proof, null, 2)], { type: "application/json" }),
                  `purge-proof-${proof.id}.json`,
                )
              }
            >
              Save proof
            </Button>
            <Button onClick={() => setProof(undefined)}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function UploadForm({ purpose, identity }: { purpose: string; identity: string }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [id, setId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [metadata, setMetadata] = useState("");
  const [expiresAt, setExpiresAt] = useState("");
  const [maxRetrievals, setMaxRetrievals] = useState<string | number>("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const upload = useMutation({
    mutationFn: async (body: {
      data: string;
      metadata?: Record<string, JsonValue>;
      expiresAt?: string;
      maxRetrievals?: number;
    }) => {
      const header = identityHeader(identity);
      return unwrap(
        await api.PUT("/v1/apps/{appId}/blobs/{purpose}/{id}", {
          params: { path: { appId, purpose, id: id.trim() }, ...(header ? { header } : {}) },
          body,
        }),
      );
    },
    onSuccess: async () => {
      setFile(null);
      setId("");
      setMetadata("");
      setExpiresAt("");
      setMaxRetrievals("");
      await queryClient.invalidateQueries({ queryKey: ["blobs", appId, purpose] });
    },
  });
  const pick = (picked: File | null) => {
    setFile(picked);
    if (picked === null) return;
    if (id.trim() === "") setId(picked.name.replace(/[^A-Za-z0-9._:-]/g, "-").replace(/^[^A-Za-z0-9]+/, ""));
    // What a download needs to name and open the file, filled in where nothing was typed yet (and editable).
    if (metadata.trim() === "") {
      setMetadata(JSON.stringify({ filename: picked.name, contentType: picked.type || "application/octet-stream" }));
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (id.trim() === "") errors.id = "Enter an id for the entry (letters, digits and . _ : -)";
    if (file === null) errors.data = "Choose a file to upload";
    let meta: Record<string, JsonValue> | undefined;
    if (metadata.trim() !== "") {
      const parsed = parseJson(metadata);
      if (parsed.error !== undefined) errors.metadata = parsed.error;
      else if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
        errors.metadata = 'metadata must be a JSON object, such as {"filename": "invoice.pdf"}';
      } else meta = parsed.value as Record<string, JsonValue>;
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || file === null) return;
    const expiry = isoOf(expiresAt);
    upload.mutate({
      data: await readAsBase64(file),
      ...(meta ? { metadata: meta } : {}),
      ...(expiry ? { expiresAt: expiry } : {}),
      ...(maxRetrievals === "" ? {} : { maxRetrievals: Number(maxRetrievals) }),
    });
  };
  const errors = { ...fieldErrors(upload.error), ...localErrors };
  return (
    <Paper withBorder p="md" component="form" noValidate aria-label="Upload a blob" onSubmit={submit}>
      <Stack>
        <Title order={5}>Upload to {purpose}</Title>
        <Group align="flex-start">
          <FileInput
            label="File"
            placeholder="Choose a file"
            required
            clearable
            value={file}
            onChange={pick}
            error={errors.data}
            w={260}
          />
          <TextInput
            label="Entry id"
            required
            description="Storing under an existing id replaces it"
            value={id}
            onChange={(event) => setId(event.currentTarget.value)}
            error={errors.id}
            w={260}
          />
        </Group>
        <Textarea
          label="Metadata (JSON object)"
          description="Stored beside the bytes, unencrypted: no secrets here"
          autosize
          minRows={2}
          value={metadata}
          onChange={(event) => setMetadata(event.currentTarget.value)}
          error={errors.metadata}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
        <Group align="flex-start">
          <TextInput
            type="datetime-local"
            label="Expires at"
            description="Empty: the purpose's default lifetime"
            value={expiresAt}
            onChange={(event) => setExpiresAt(event.currentTarget.value)}
            error={errors.expiresAt}
            w={260}
          />
          <NumberInput
            label="Max retrievals"
            description="Empty: the purpose's limit"
            min={1}
            value={maxRetrievals}
            onChange={setMaxRetrievals}
            error={errors.maxRetrievals}
            w={200}
          />
        </Group>
        {errors[IDENTITY_FIELD] && (
          <Alert color="red" role="alert" title="Acting as identity">
            {errors[IDENTITY_FIELD]}
          </Alert>
        )}
        {errors.purpose && (
          <Alert color="red" role="alert" title="Purpose">
            {errors.purpose}
          </Alert>
        )}
        {!shownAtFields(errors, UPLOAD_FIELDS) && <ErrorAlert error={upload.error} />}
        {upload.isSuccess && (
          <Text size="sm" c="green" role="status">
            Stored {upload.data.meta.id} ({formatBytes(upload.data.meta.size)}, expires{" "}
            {formatTime(upload.data.meta.expiresAt)}){upload.data.replaced ? ", replacing the previous entry" : ""}.
          </Text>
        )}
        <Button type="submit" w="fit-content" loading={upload.isPending}>
          Upload
        </Button>
      </Stack>
    </Paper>
  );
}
