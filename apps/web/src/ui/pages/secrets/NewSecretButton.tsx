import { Button, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { fieldErrors, type JsonValue, unwrap } from "../../api";
import { parseJson } from "../../components/JsonText";
import { ErrorAlert } from "../../components/Page";
import { keyPath } from "../../paths";
import { useApi } from "../../SessionContext";

/** Create a secret (check-and-set 0: refused if the key exists). */
export function NewSecretButton() {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [opened, { open, close }] = useDisclosure(false);
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const [metadata, setMetadata] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async (body: { value: string; metadata?: Record<string, JsonValue> }) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/secrets/{key}", {
          params: { path: { appId, key } },
          body: { ...body, cas: 0 },
        }),
      ),
    onSuccess: async (meta) => {
      await queryClient.invalidateQueries({ queryKey: ["secrets", appId] });
      close();
      setValue("");
      navigate(`/${keyPath(meta.key)}`);
    },
  });
  const errors = { ...fieldErrors(create.error), ...localErrors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    let parsed: Record<string, JsonValue> | undefined;
    if (metadata.trim() !== "") {
      const result = parseJson(metadata);
      if (result.error !== undefined) local.metadata = result.error;
      else parsed = result.value as Record<string, JsonValue>;
    }
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    create.mutate({ value, ...(parsed ? { metadata: parsed } : {}) });
  };
  return (
    <>
      <Button onClick={open}>New secret</Button>
      <Modal opened={opened} onClose={close} title="New secret" size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Key"
              description="Letters, digits and . _ - / : (for example db/password)"
              required
              value={key}
              onChange={(event) => setKey(event.currentTarget.value)}
              error={errors.key}
              autoComplete="off"
            />
            <Textarea
              label="Value"
              required
              autosize
              minRows={2}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={errors.value}
              autoComplete="off"
              spellCheck={false}
            />
            <Textarea
              label="Metadata (JSON object, optional)"
              placeholder='{"owner": "payments"}'
              autosize
              value={metadata}
              onChange={(event) => setMetadata(event.currentTarget.value)}
              error={errors.metadata}
            />
            {!errors.key && !errors.value && !errors.metadata && <ErrorAlert error={create.error} />}
            <Button type="submit" loading={create.isPending}>
              Create secret
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
