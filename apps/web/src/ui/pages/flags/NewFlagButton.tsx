import { Button, Modal, Select, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { fieldErrors, type JsonValue, unwrap } from "../../api";
import { ErrorAlert } from "../../components/Page";
import { parseValue, ValueInput, type ValueType, valueToText } from "../../components/ValueInput";
import { keyPath } from "../../paths";
import { useApi } from "../../SessionContext";

export const FLAG_TYPES = ["bool", "string", "int", "float", "json"] as const;

/** Define a flag: key, type, a default that fits the type, tags and a description. */
export function NewFlagButton() {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [opened, { open, close }] = useDisclosure(false);
  const [key, setKey] = useState("");
  const [type, setType] = useState<ValueType>("bool");
  const [defaultText, setDefaultText] = useState("false");
  const [tags, setTags] = useState<string[]>([]);
  const [description, setDescription] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async (defaultValue: JsonValue) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/flags", {
          params: { path: { appId } },
          body: { key, type: type as "bool", defaultValue, tags, description },
        }),
      ),
    onSuccess: async (flag) => {
      await queryClient.invalidateQueries({ queryKey: ["flags", appId] });
      close();
      navigate(`/${keyPath(flag.key)}`);
    },
  });
  const errors = { ...fieldErrors(create.error), ...localErrors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseValue(defaultText, type);
    if ("error" in parsed) {
      setLocalErrors({ defaultValue: parsed.error });
      return;
    }
    setLocalErrors({});
    create.mutate(parsed.value);
  };
  return (
    <>
      <Button onClick={open}>New flag</Button>
      <Modal opened={opened} onClose={close} title="New flag" size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Key"
              description="Letters, digits and . _ - / : (for example checkout.new-flow)"
              required
              value={key}
              onChange={(event) => setKey(event.currentTarget.value)}
              error={errors.key}
            />
            <Select
              label="Type"
              data={[...FLAG_TYPES]}
              value={type}
              allowDeselect={false}
              onChange={(value) => {
                const next = (value ?? "bool") as ValueType;
                setType(next);
                setDefaultText(valueToText(undefined, next));
              }}
              error={errors.type}
            />
            <ValueInput
              type={type}
              label="Default value"
              text={defaultText}
              onChange={setDefaultText}
              error={errors.defaultValue}
            />
            <TagsInput label="Tags" value={tags} onChange={setTags} error={errors.tags} />
            <Textarea
              label="Description"
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={errors.description}
            />
            {!errors.key && !errors.defaultValue && <ErrorAlert error={create.error} />}
            <Button type="submit" loading={create.isPending}>
              Create flag
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
