import {
  Badge,
  Button,
  Code,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors, type JsonValue, unwrap } from "../../api";
import { ErrorAlert } from "../../components/Page";
import { parseValue } from "../../components/ValueInput";
import { useApi } from "../../SessionContext";
import type { Flag } from "./FlagDetail";

/** Evaluate the flag on the server for a context, and show what a service would get: value, variant, reason, rule. */
export function Playground({ flag }: { flag: Flag }) {
  const { api, appId } = useApi();
  const [tenantId, setTenantId] = useState("");
  const [userId, setUserId] = useState("");
  const [tenantTags, setTenantTags] = useState<string[]>([]);
  const [attributesText, setAttributesText] = useState("");
  const [attributesError, setAttributesError] = useState<string>();
  const evaluate = useMutation({
    mutationFn: async (attributes: Record<string, JsonValue> | undefined) =>
      unwrap(
        await api.POST("/v1/apps/{appId}/flags/{key}/evaluate", {
          params: { path: { appId, key: flag.key } },
          body: {
            ...(tenantId ? { tenantId } : {}),
            ...(userId ? { userId } : {}),
            ...(tenantTags.length ? { tenantTags } : {}),
            ...(attributes ? { attributes } : {}),
          },
        }),
      ),
  });
  const errors = fieldErrors(evaluate.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let attributes: Record<string, JsonValue> | undefined;
    if (attributesText.trim()) {
      const parsed = parseValue(attributesText, "json");
      if ("error" in parsed) {
        setAttributesError(parsed.error);
        return;
      }
      attributes = parsed.value as Record<string, JsonValue>;
    }
    setAttributesError(undefined);
    evaluate.mutate(attributes);
  };
  const result = evaluate.data;
  const ruleIndex = result?.ruleId ? flag.rules.findIndex((rule) => rule.id === result.ruleId) : -1;
  return (
    <Stack>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="Evaluation context">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Tenant id"
              value={tenantId}
              onChange={(e) => setTenantId(e.currentTarget.value)}
              error={errors.tenantId}
            />
            <TextInput
              label="User id"
              value={userId}
              onChange={(e) => setUserId(e.currentTarget.value)}
              error={errors.userId}
            />
            <TagsInput label="Tenant tags" value={tenantTags} onChange={setTenantTags} error={errors.tenantTags} />
            <Textarea
              label="Attributes (JSON object)"
              placeholder='{"country": "NL"}'
              value={attributesText}
              onChange={(e) => setAttributesText(e.currentTarget.value)}
              error={attributesError ?? errors.attributes}
              autosize
            />
          </SimpleGrid>
          <Button type="submit" loading={evaluate.isPending} w="fit-content">
            Evaluate
          </Button>
        </Stack>
      </Paper>
      <ErrorAlert error={!errors.attributes ? evaluate.error : undefined} />
      {result && (
        <Paper withBorder p="md" aria-live="polite" data-testid="evaluation-result">
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={120}>Value</Table.Th>
                <Table.Td>
                  <Code data-testid="result-value">{JSON.stringify(result.value)}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Td data-testid="result-variant">{result.variant ?? "—"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Reason</Table.Th>
                <Table.Td>
                  <Badge variant="light" data-testid="result-reason">
                    {result.reason}
                  </Badge>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Td data-testid="result-rule">
                  {ruleIndex >= 0 ? `${ruleIndex + 1}. ${flag.rules[ruleIndex]!.type}` : (result.ruleId ?? "—")}
                </Table.Td>
              </Table.Tr>
              {result.errorCode && (
                <Table.Tr>
                  <Table.Th>Error</Table.Th>
                  <Table.Td>
                    <Text size="sm" c="red">
                      {result.errorCode}: {result.errorMessage}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
