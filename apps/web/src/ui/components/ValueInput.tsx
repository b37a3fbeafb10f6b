import { NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useId } from "react";
import type { JsonValue } from "../api";

/** The value types of flags and config entries (config adds `duration`). */
export type ValueType = "bool" | "string" | "int" | "float" | "json" | "duration";

/** A value as the person edits it: text, turned into the typed value on submit by {@link parseValue}. */
export function valueToText(value: unknown, type: ValueType): string {
  if (value === undefined || value === null) return type === "bool" ? "false" : "";
  if (type === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

/** The typed value of what was typed, or the reason it is not one (shown under the field). */
export function parseValue(text: string, type: ValueType): { value: JsonValue } | { error: string } {
  switch (type) {
    case "bool":
      return text === "true" || text === "false" ? { value: text === "true" } : { error: "choose true or false" };
    case "int": {
      const n = Number(text);
      return text.trim() !== "" && Number.isInteger(n) ? { value: n } : { error: "a whole number" };
    }
    case "float": {
      const n = Number(text);
      return text.trim() !== "" && Number.isFinite(n) ? { value: n } : { error: "a number" };
    }
    case "json":
      try {
        return { value: JSON.parse(text) as JsonValue };
      } catch (error) {
        return { error: `not valid JSON: ${(error as Error).message}` };
      }
    default:
      return { value: text };
  }
}

interface ValueInputProps {
  type: ValueType;
  label: string;
  text: string;
  onChange(text: string): void;
  error?: string;
  description?: string;
}

/** One input that fits the value's type: a true/false switch, a number, text, or JSON. */
export function ValueInput({ type, label, text, onChange, error, description }: ValueInputProps) {
  const labelId = useId();
  switch (type) {
    case "bool":
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={labelId}>
            {label}
          </Text>
          <SegmentedControl
            aria-labelledby={labelId}
            data={["false", "true"]}
            value={text === "true" ? "true" : "false"}
            onChange={onChange}
            w={160}
          />
          {error && (
            <Text size="xs" c="red" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      );
    case "int":
    case "float":
      return (
        <NumberInput
          label={label}
          description={description}
          value={text}
          onChange={(value) => onChange(String(value))}
          allowDecimal={type === "float"}
          error={error}
        />
      );
    case "json":
      return (
        <Textarea
          label={label}
          description={description}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          autosize
          minRows={3}
          spellCheck={false}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
      );
    default:
      return (
        <TextInput
          label={label}
          description={description ?? (type === "duration" ? "for example 30s, 5m, 1h" : undefined)}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
        />
      );
  }
}
