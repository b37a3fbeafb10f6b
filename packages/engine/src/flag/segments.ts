// Segments: named constraint lists of an app, carried in the snapshot and named by rules (`segments: [key]`).

import { isRecord } from "../json";
import { type ContextTest, checkConditions, compileConditions } from "./conditions";
import { FlagDefinitionError, fail } from "./errors";
import { NoRegexEngine } from "./operators";
import { Skip } from "./rules";
import type { RegexEngine, Segment } from "./types";

/**
 * Check one segment the way the compiler reads it and return it normalised; throws {@link FlagDefinitionError} with
 * the field's path (`constraints.1.values`). With a regex engine, `regex` patterns are compiled too.
 */
export function checkSegment(raw: unknown, options: { regexEngine?: RegexEngine } = {}): Segment {
  if (!isRecord(raw)) fail("", "a segment must be { key, constraints }");
  if (typeof raw.key !== "string" || raw.key.length === 0) fail("key", "must be a non-empty string");
  const constraints = checkConditions(raw.constraints, "constraints", options.regexEngine);
  if (constraints.length === 0) fail("constraints", "a segment needs at least one condition");
  return { key: raw.key, constraints };
}

/**
 * The snapshot's segments as tests, by key. One that does not check out, or cannot run (a regex without an engine),
 * becomes a Skip: the rules naming it are skipped, saying why; `problems` gets the broken ones.
 */
export function compileSegments(
  raw: unknown,
  regexEngine: RegexEngine | undefined,
  problems: { flagKey: string; segmentKey?: string; message: string }[],
): Map<string, ContextTest | Skip> {
  const out = new Map<string, ContextTest | Skip>();
  if (!Array.isArray(raw)) return out;
  for (const item of raw) {
    const key = isRecord(item) && typeof item.key === "string" ? item.key : undefined;
    if (key === undefined) {
      problems.push({ flagKey: "", message: "a segment without a string key was ignored" });
      continue;
    }
    if (out.has(key)) {
      problems.push({ flagKey: "", segmentKey: key, message: "duplicate segment key" });
      out.set(key, new Skip(`segment "${key}" is defined twice in the snapshot`));
      continue;
    }
    try {
      const segment = checkSegment(item);
      out.set(key, compileConditions(segment.constraints, "constraints", { regexEngine }) as ContextTest);
    } catch (error) {
      if (error instanceof NoRegexEngine) {
        out.set(key, new Skip(`segment "${key}" has a regex condition and no regex engine was given`));
      } else {
        const message = error instanceof FlagDefinitionError ? error.message : "invalid segment";
        problems.push({ flagKey: "", segmentKey: key, message });
        out.set(key, new Skip(`segment "${key}" cannot be evaluated: ${message}`));
      }
    }
  }
  return out;
}
