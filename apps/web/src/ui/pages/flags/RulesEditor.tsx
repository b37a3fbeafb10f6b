import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fieldErrors, unwrap } from "../../api";
import { EmptyState, ErrorAlert } from "../../components/Page";
import { ValueInput, type ValueType } from "../../components/ValueInput";
import { useApi } from "../../SessionContext";
import { useSegments } from "../segments/useSegments";
import type { Flag } from "./FlagDetail";
import {
  draftOf,
  emptyDraft,
  type NewRule,
  newUid,
  OPERATORS,
  RULE_TYPES,
  type RuleDraft,
  type RuleType,
  ruleOf,
} from "./rule-drafts";

/** Priorities are the rules' order: 10, 20, 30… (lower is tried first). */
const PRIORITY_STEP = 10;

/**
 * Every rule of the flag, in the order they are tried: add, edit, move up and down, remove, then save them all at
 * once (check-and-set on the flag's version). Problems the API names are shown on the rule and field they are about.
 */
export function RulesEditor({ flag, readOnly }: { flag: Flag; readOnly: boolean }) {
  const { api, appId } = useApi();
  const queryClient = useQueryClient();
  const flagType = flag.type as ValueType;
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => flag.rules.map((rule) => draftOf(rule, flagType)));
  const [dirty, setDirty] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<number, Record<string, string>>>({});
  const [newType, setNewType] = useState<RuleType>("rollout");
  // A change saved elsewhere (seen live) replaces the rules shown, unless they are being edited here.
  useEffect(() => {
    if (!dirty) setDrafts(flag.rules.map((rule) => draftOf(rule, flagType)));
  }, [flag, flagType, dirty]);
  const save = useMutation({
    mutationFn: async (rules: NewRule[]) =>
      unwrap(
        await api.PUT("/v1/apps/{appId}/flags/{key}/rules", {
          params: { path: { appId, key: flag.key } },
          body: { rules, cas: flag.version },
        }),
      ),
    onSuccess: async () => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ["flag", appId, flag.key] });
      await queryClient.invalidateQueries({ queryKey: ["flags", appId] });
    },
  });
  const apiErrors = fieldErrors(save.error);
  const errorsOf = (index: number): Record<string, string> => {
    const found: Record<string, string> = { ...localErrors[index] };
    for (const [field, message] of Object.entries(apiErrors)) {
      const match = /^rules\.(\d+)\.?(.*)$/.exec(field);
      if (match && Number(match[1]) === index) found[match[2] || "_"] ??= message;
    }
    return found;
  };
  const update = (uid: number, change: Partial<RuleDraft>) => {
    setDirty(true);
    setDrafts((current) => current.map((d) => (d.uid === uid ? { ...d, ...change } : d)));
  };
  const move = (index: number, by: -1 | 1) => {
    setDirty(true);
    setDrafts((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });
  };
  const remove = (uid: number) => {
    setDirty(true);
    setDrafts((current) => current.filter((d) => d.uid !== uid));
  };
  const submit = () => {
    const rules: NewRule[] = [];
    const problems: Record<number, Record<string, string>> = {};
    drafts.forEach((draft, index) => {
      const result = ruleOf(draft, (index + 1) * PRIORITY_STEP, flagType);
      if ("errors" in result) problems[index] = result.errors;
      else rules.push(result.rule);
    });
    setLocalErrors(problems);
    if (Object.keys(problems).length === 0) save.mutate(rules);
  };
  const variants = Object.keys(flag.variants);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Rules are tried from the top; the first that matches decides the value. A tenant override comes before every
        rule; when none matches, the default applies.
      </Text>
      {drafts.length === 0 && (
        <EmptyState title="No rules">
          Everyone gets the default. Add a rule to target tenants, users or attributes, or roll out to a percentage.
        </EmptyState>
      )}
      {drafts.map((draft, index) => (
        <RuleCard
          key={draft.uid}
          index={index}
          count={drafts.length}
          draft={draft}
          flagType={flagType}
          variants={variants}
          errors={errorsOf(index)}
          readOnly={readOnly}
          onChange={(change) => update(draft.uid, change)}
          onMove={(by) => move(index, by)}
          onRemove={() => remove(draft.uid)}
        />
      ))}
      {!readOnly && (
        <Group>
          <Select
            aria-label="Type of the new rule"
            data={RULE_TYPES}
            value={newType}
            allowDeselect={false}
            onChange={(value) => setNewType((value ?? "rollout") as RuleType)}
            w={200}
          />
          <Button
            variant="default"
            onClick={() => {
              setDirty(true);
              setDrafts((current) => [...current, emptyDraft(newType, flagType)]);
            }}
          >
            Add rule
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
            Save rules
          </Button>
          {dirty && (
            <Button
              variant="subtle"
              onClick={() => {
                setDirty(false);
                setLocalErrors({});
                save.reset();
              }}
            >
              Discard changes
            </Button>
          )}
        </Group>
      )}
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

interface RuleCardProps {
  index: number;
  count: number;
  draft: RuleDraft;
  flagType: ValueType;
  variants: string[];
  errors: Record<string, string>;
  readOnly: boolean;
  onChange(change: Partial<RuleDraft>): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function RuleCard({
  index,
  count,
  draft,
  flagType,
  variants,
  errors,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: RuleCardProps) {
  const label = RULE_TYPES.find((t) => t.value === draft.type)?.label ?? draft.type;
  const n = index + 1;
  // The app's segments as suggestions (a key typed by hand still goes to the API, which names one that does not exist).
  const segmentKeys = useSegments().data?.items.map((segment) => segment.key) ?? [];
  return (
    <Paper withBorder p="md" component="fieldset" disabled={readOnly} aria-label={`Rule ${n}: ${label}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>
            {n}. {label}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="default"
              aria-label={`Move rule ${n} up`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={`Move rule ${n} down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
              Remove
            </Button>
          </Group>
        </Group>
        {errors._ && (
          <Text size="sm" c="red" role="alert">
            {errors._}
          </Text>
        )}
        {(draft.type === "when_tenant" || draft.type === "when_tenant_tag" || draft.type === "when_user") && (
          <TagsInput
            label={draft.type === "when_tenant" ? "Tenants" : draft.type === "when_user" ? "Users" : "Tenant tags"}
            description="Press Enter after each"
            value={draft.names}
            onChange={(names) => onChange({ names })}
            error={errors.tenants ?? errors.users ?? errors.tags}
          />
        )}
        {draft.type === "when_attribute" && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Attribute"
              value={draft.attribute}
              onChange={(e) => onChange({ attribute: e.currentTarget.value })}
              error={errors.attribute}
            />
            <Select
              label="Operator"
              data={[...OPERATORS]}
              value={draft.operator}
              allowDeselect={false}
              onChange={(operator) => operator && onChange({ operator: operator as RuleDraft["operator"] })}
              error={errors.operator}
            />
            {draft.operator !== "exists" && (
              <TagsInput
                label="Values"
                value={draft.values}
                onChange={(values) => onChange({ values })}
                error={errors.values ?? Object.entries(errors).find(([f]) => f.startsWith("values."))?.[1]}
              />
            )}
            <Checkbox
              label="Inverted (match when it does not hold)"
              checked={draft.inverted}
              onChange={(e) => onChange({ inverted: e.currentTarget.checked })}
            />
            <Checkbox
              label="Ignore case"
              checked={draft.caseInsensitive}
              onChange={(e) => onChange({ caseInsensitive: e.currentTarget.checked })}
            />
          </SimpleGrid>
        )}
        {draft.type === "rollout" && (
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Percentage"
                min={0}
                max={100}
                allowDecimal={false}
                value={draft.percentage}
                onChange={(value) => onChange({ percentage: String(value) })}
                error={errors.percentage}
              />
              <TextInput
                label="Stickiness"
                description="tenant (default), user, or an attribute"
                value={draft.stickiness}
                onChange={(e) => onChange({ stickiness: e.currentTarget.value })}
                error={errors.stickiness}
              />
              <TextInput
                label="Group id"
                description="defaults to the flag key"
                value={draft.groupId}
                onChange={(e) => onChange({ groupId: e.currentTarget.value })}
                error={errors.groupId}
              />
            </SimpleGrid>
            {draft.split.map((share, i) => (
              <Group key={share.id} align="flex-end">
                <Select
                  label={`Split ${i + 1}: variant`}
                  data={variants}
                  value={share.variant || null}
                  onChange={(variant) =>
                    onChange({ split: draft.split.map((s, j) => (j === i ? { ...s, variant: variant ?? "" } : s)) })
                  }
                  error={errors[`variants.${i}.variant`]}
                />
                <NumberInput
                  label={`Split ${i + 1}: weight`}
                  min={0}
                  allowDecimal={false}
                  value={share.weight}
                  onChange={(weight) =>
                    onChange({ split: draft.split.map((s, j) => (j === i ? { ...s, weight: String(weight) } : s)) })
                  }
                  error={errors[`variants.${i}.weight`]}
                  w={120}
                />
                <Button variant="subtle" onClick={() => onChange({ split: draft.split.filter((_, j) => j !== i) })}>
                  Remove split
                </Button>
              </Group>
            ))}
            {variants.length > 0 && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    onChange({ split: [...draft.split, { id: newUid(), variant: variants[0]!, weight: "50" }] })
                  }
                >
                  Add a variant split
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {draft.type === "schedule" && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="From (ISO 8601)"
              placeholder="2026-01-01T00:00:00Z"
              value={draft.from}
              onChange={(e) => onChange({ from: e.currentTarget.value })}
              error={errors.from}
            />
            <TextInput
              label="Until (ISO 8601)"
              value={draft.until}
              onChange={(e) => onChange({ until: e.currentTarget.value })}
              error={errors.until}
            />
          </SimpleGrid>
        )}
        {draft.type === "custom" && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Evaluator"
              description="registered with the server"
              value={draft.evaluator}
              onChange={(e) => onChange({ evaluator: e.currentTarget.value })}
              error={errors.evaluator}
            />
            <Textarea
              label="Parameters (JSON)"
              value={draft.paramsText}
              onChange={(e) => onChange({ paramsText: e.currentTarget.value })}
              error={errors.params}
            />
          </SimpleGrid>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`returns-${draft.uid}`}>
            When it matches, return
          </Text>
          <SegmentedControl
            aria-labelledby={`returns-${draft.uid}`}
            data={[
              { value: "value", label: "a value" },
              { value: "variant", label: "a variant", disabled: variants.length === 0 },
              { value: "nothing", label: "the split's variant" },
            ]}
            value={draft.returns}
            onChange={(returns) => onChange({ returns: returns as RuleDraft["returns"] })}
            w="fit-content"
          />
        </Stack>
        {draft.returns === "value" && (
          <ValueInput
            type={flagType}
            label="Value"
            text={draft.valueText}
            onChange={(valueText) => onChange({ valueText })}
            error={errors.value}
          />
        )}
        {draft.returns === "variant" && (
          <Select
            label="Variant"
            data={variants}
            value={draft.variant || null}
            onChange={(variant) => onChange({ variant: variant ?? "" })}
            error={errors.variant}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label="Segments (all must match)"
            data={segmentKeys}
            value={draft.segments}
            onChange={(segments) => onChange({ segments })}
            error={errors.segments}
          />
          <Textarea
            label="Constraints (JSON list, optional)"
            placeholder='[{"attribute": "country", "operator": "in", "values": ["NL"]}]'
            value={draft.constraintsText}
            onChange={(e) => onChange({ constraintsText: e.currentTarget.value })}
            error={errors.constraints ?? Object.entries(errors).find(([f]) => f.startsWith("constraints."))?.[1]}
            autosize
          />
        </SimpleGrid>
        <TextInput
          label="Note"
          value={draft.description}
          onChange={(e) => onChange({ description: e.currentTarget.value })}
          error={errors.description}
        />
      </Stack>
    </Paper>
  );
}
