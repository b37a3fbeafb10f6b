import { Code } from "@mantine/core";

/** A JSON value shown as formatted text. */
export function JsonText({ value }: { value: unknown }) {
  return (
    <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** Parse JSON typed by a person: the value, or the parse error's message (for the field's error). */
export function parseJson(text: string): { value: unknown; error?: undefined } | { value?: undefined; error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toLocaleString();
}

/** A `datetime-local` input's value as the ISO 8601 instant the API takes (the browser's time zone). */
export function isoOf(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}
