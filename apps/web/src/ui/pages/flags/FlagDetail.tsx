import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Tabs, TagsInput, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation } from "wouter";
import { type Answer, fieldErrors, type JsonValue, unwrap } from "../../api";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorAlert, PageHeader } from "../../components/Page";
import { parseValue, ValueInput, type ValueType, valueToText } from "../../components/ValueInput";
import { keyFromPath } from "../../paths";
import { useApi } from "../../SessionContext";
import { can } from "../../session";
import { FlagToggle } from "./FlagList";
import { OverridesEditor } from "./OverridesEditor";
import { Playground } from "./Playground";
import { PrerequisitesEditor } from "./PrerequisitesEditor";
import { RulesEditor } from "./RulesEditor";
import { UsageChart } from "./UsageChart";

export type Flag = Answer<"getFlag">;

/** One flag: on/off, its definition and prerequisites, its rules, tenant and user overrides, a playground, usage. */
export function FlagDetail({ keySegment }: { keySegment: string }) {
  const key = keyFromPath(keySegment);
  const { api, appId, session } = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const flag = useQuery({
    queryKey: ["flag", appId, key],
    queryFn: async () => unwrap(await api.GET("/v1/apps/{appId}/flags/{key}", { params: { path: { appId, key } } })),
  });
  const [deleteError, setDeleteError] = useState<unknown>();
  const writable = can(session, "flags:write");
  const data = flag.data;
  return (
    <Stack>
      <Anchor component={Link} href="/" size="sm">
        ← All flags
      </Anchor>
      <PageHeader
        title={key}
        description={data ? `${data.type} flag · version ${data.version}` : undefined}
        actions={
          data && (
            <Group>
              <Group gap={6}>
                <Text size="sm">Enabled</Text>
                <FlagToggle flag={data} disabled={!writable} />
              </Group>
              {writable && (
                <ConfirmButton
                  variant="light"
                  title={`Delete ${key}?`}
                  message="The flag, its rules and its overrides are deleted. Services evaluating it get their fallback."
                  typeToConfirm={key}
                  confirmLabel="Delete"
                  onConfirm={async () => {
                    try {
                      unwrap(
                        await api.DELETE("/v1/apps/{appId}/flags/{key}", {
                          params: { path: { appId, key }, query: { cas: data.version } },
                        }),
                      );
                      await queryClient.invalidateQueries({ queryKey: ["flags", appId] });
                      navigate("/");
                    } catch (error) {
                      setDeleteError(error);
                    }
                  }}
                >
                  Delete
                </ConfirmButton>
              )}
            </Group>
          )
        }
      />
      <ErrorAlert error={flag.error ?? deleteError} />
      {data && (
        <Tabs defaultValue="rules" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="rules">Rules ({data.rules.length})</Tabs.Tab>
            <Tabs.Tab value="definition">Definition</Tabs.Tab>
            <Tabs.Tab value="overrides">Overrides</Tabs.Tab>
            <Tabs.Tab value="playground">Playground</Tabs.Tab>
            <Tabs.Tab value="usage">Usage</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="rules" pt="md">
            <RulesEditor flag={data} readOnly={!writable} />
          </Tabs.Panel>
          <Tabs.Panel value="definition" pt="md">
            <Stack>
              <DefinitionForm flag={data} readOnly={!writable} />
              <PrerequisitesEditor flag={data} readOnly={!writable} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="overrides" pt="md">
            <OverridesEditor flag={data} readOnly={!writable} />
          </Tabs.Panel>
          <Tabs.Panel value="playground" pt="md">
            <Playground flag={data} />
          </Tabs.Panel>
          <Tabs.Panel value="usage" pt="md">
            <UsageChart flag={data} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

/** Default value, variants (each checked against the type by the API), tags and description; check-and-set. */
function DefinitionForm({ flag, readOnly }: { flag: Flag; readOnly: boolean }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const type = flag.type as ValueType;
  const [defaultText, setDefaultText] = useState(() => valueToText(flag.defaultValue, type));
  const [variantsText, setVariantsText] = useState(() => JSON.stringify(flag.variants, null, 2));
  const [tags, setTags] = useState(flag.tags);
  const [description, setDescription] = useState(flag.description);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // A change saved elsewhere (seen live) replaces what is shown, unless this form is being edited.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (dirty) return;
    setDefaultText(valueToText(flag.defaultValue, type));
    setVariantsText(JSON.stringify(flag.variants, null, 2));
    setTags(flag.tags);
    setDescription(flag.description);
  }, [flag, type, dirty]);
  const save = useMutation({
    mutationFn: async (body: { defaultValue: JsonValue; variants: Record<string, JsonValue> }) =>
      unwrap(
        await api.PATCH("/v1/apps/{appId}/flags/{key}", {
          params: { path: { appId, key: flag.key } },
          body: { ...body, tags, description, cas: flag.version },
        }),
      ),
    onSuccess: async () => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ["flag", appId, flag.key] });
      await queryClient.invalidateQueries({ queryKey: ["flags", appId] });
    },
  });
  const errors = { ...fieldErrors(save.error), ...localErrors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const parsedDefault = parseValue(defaultText, type);
    if ("error" in parsedDefault) local.defaultValue = parsedDefault.error;
    const parsedVariants = parseValue(variantsText, "json");
    if ("error" in parsedVariants) local.variants = parsedVariants.error;
    else if (
      typeof parsedVariants.value !== "object" ||
      parsedVariants.value === null ||
      Array.isArray(parsedVariants.value)
    )
      local.variants = 'an object of variant names to values: {"blue": "#00f"}';
    setLocalErrors(local);
    if (Object.keys(local).length > 0 || "error" in parsedDefault || "error" in parsedVariants) return;
    save.mutate({
      defaultValue: parsedDefault.value,
      variants: parsedVariants.value as Record<string, JsonValue>,
    });
  };
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setDirty(true);
      set(value);
    };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ValueInput
            type={type}
            label="Default value"
            text={defaultText}
            onChange={edit(setDefaultText)}
            error={errors.defaultValue}
          />
          <TagsInput label="Tags" value={tags} onChange={edit(setTags)} error={errors.tags} />
        </SimpleGrid>
        <ValueInput
          type="json"
          label="Variants (JSON object: name → value of the flag's type)"
          text={variantsText}
          onChange={edit(setVariantsText)}
          error={errors.variants ?? Object.entries(errors).find(([field]) => field.startsWith("variants."))?.[1]}
        />
        <Textarea
          label="Description"
          value={description}
          onChange={(event) => edit(setDescription)(event.currentTarget.value)}
          error={errors.description}
        />
        {!errors.defaultValue && !errors.variants && <ErrorAlert error={save.error} />}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save definition
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
