import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { fieldErrors, type JsonValue, shownAtFields, unwrap } from "../../api";
import { Loading } from "../../components/Loading";
import { ErrorAlert } from "../../components/Page";
import { parseValue, ValueInput, type ValueType, valueToText } from "../../components/ValueInput";
import { useApi } from "../../SessionContext";
import type { Flag } from "./FlagDetail";
import { useFlags } from "./FlagList";

interface Row {
  flagKey: string | null;
  text: string;
}

/**
 * The flags that must evaluate to a given value (for the same context) before this one is evaluated at all; saved
 * with check-and-set. The API refuses a flag that does not exist, a value of the wrong type and a cycle, naming the
 * prerequisite (or, for a cycle, the whole list).
 */
export function PrerequisitesEditor({ flag, readOnly }: { flag: Flag; readOnly: boolean }) {
  const flags = useFlags();
  if (flags.error) return <ErrorAlert error={flags.error} />;
  if (!flags.data) return <Loading />;
  const types = new Map(flags.data.items.map((f) => [f.key, f.type as ValueType]));
  return <PrerequisitesForm flag={flag} readOnly={readOnly} types={types} />;
}

function PrerequisitesForm({
  flag,
  readOnly,
  types,
}: {
  flag: Flag;
  readOnly: boolean;
  types: Map<string, ValueType>;
}) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const typeOf = (key: string | null): ValueType => (key === null ? "json" : (types.get(key) ?? "json"));
  const fromFlag = (): Row[] =>
    flag.prerequisites.map((p) => ({ flagKey: p.flagKey, text: valueToText(p.value, typeOf(p.flagKey)) }));
  const [rows, setRows] = useState(fromFlag);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // A change saved elsewhere (seen live) replaces what is shown, unless this form is being edited.
  const [dirty, setDirty] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the flag's version changes, not on every render
  useEffect(() => {
    if (!dirty) setRows(fromFlag());
  }, [flag.version, dirty]);
  const save = useMutation({
    mutationFn: async (prerequisites: { flagKey: string; value: JsonValue }[]) =>
      unwrap(
        await api.PATCH("/v1/apps/{appId}/flags/{key}", {
          params: { path: { appId, key: flag.key } },
          body: { prerequisites, cas: flag.version },
        }),
      ),
    onSuccess: async () => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ["flag", appId, flag.key] });
    },
  });
  const errors = { ...fieldErrors(save.error), ...localErrors };
  const change = (index: number, next: Partial<Row>) => {
    setDirty(true);
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...next } : row)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const prerequisites: { flagKey: string; value: JsonValue }[] = [];
    rows.forEach((row, i) => {
      if (row.flagKey === null) {
        local[`prerequisites.${i}.flagKey`] = "Choose the flag this one requires";
        return;
      }
      const parsed = parseValue(row.text, typeOf(row.flagKey));
      if ("error" in parsed) local[`prerequisites.${i}.value`] = parsed.error;
      else prerequisites.push({ flagKey: row.flagKey, value: parsed.value });
    });
    setLocalErrors(local);
    if (Object.keys(local).length === 0) save.mutate(prerequisites);
  };
  const others = [...types.keys()].filter((key) => key !== flag.key).sort();
  const rowFields = rows.flatMap((_, i) => [`prerequisites.${i}.flagKey`, `prerequisites.${i}.value`]);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="Prerequisites">
      <Stack>
        <Title order={4}>Prerequisites</Title>
        <Text size="sm" c="dimmed">
          Flags that must evaluate to the value given, for the same context, before this flag is evaluated; if one does
          not, this flag answers its default value.
        </Text>
        {rows.length === 0 && (
          <Text size="sm">
            None: this flag is evaluated on its own.{" "}
            {!readOnly && (others.length > 0 ? "Add one to require another flag's value first." : "")}
          </Text>
        )}
        {rows.map((row, i) => (
          // Rows have no identity of their own but their place; a removed row re-renders those after it.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={i} align="flex-start" wrap="wrap">
            <Select
              label={`Prerequisite ${i + 1}: flag`}
              data={others}
              value={row.flagKey}
              searchable
              disabled={readOnly}
              onChange={(value) => change(i, { flagKey: value, text: valueToText(undefined, typeOf(value)) })}
              error={errors[`prerequisites.${i}.flagKey`]}
              w={260}
            />
            <ValueInput
              type={typeOf(row.flagKey)}
              label={`Prerequisite ${i + 1}: must evaluate to`}
              text={row.text}
              onChange={(text) => change(i, { text })}
              error={errors[`prerequisites.${i}.value`]}
            />
            {!readOnly && (
              <Button
                variant="subtle"
                color="red"
                mt={24}
                aria-label={`Remove prerequisite ${i + 1}`}
                onClick={() => {
                  setDirty(true);
                  setRows((current) => current.filter((_, j) => j !== i));
                }}
              >
                Remove
              </Button>
            )}
          </Group>
        ))}
        {errors.prerequisites && (
          <Alert color="red" role="alert" title="Prerequisites">
            {errors.prerequisites}
          </Alert>
        )}
        {!shownAtFields(errors, ["prerequisites", ...rowFields]) && <ErrorAlert error={save.error} />}
        {!readOnly && (
          <Group>
            <Button
              variant="default"
              disabled={others.length === 0}
              onClick={() => {
                setDirty(true);
                setRows((current) => [...current, { flagKey: null, text: valueToText(undefined, "bool") }]);
              }}
            >
              Add prerequisite
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save prerequisites
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
