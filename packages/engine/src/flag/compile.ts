// Compiling a snapshot into an evaluator: every flag is checked and compiled once, prerequisite cycles are found,
// and the evaluator answers from closures (no I/O, no throwing).

import { deepFreeze, isRecord, type JsonValue } from "../json";
import { checkFlag } from "./check";
import { brokenFlag, type CompiledFlag, compileFlag } from "./evaluate";
import { prerequisiteCycle } from "./prerequisites";
import { errorResult } from "./results";
import type { CustomEvaluators, RuleEnvironment } from "./rules";
import { compileSegments } from "./segments";
import {
  type EngineClock,
  type EvaluationContext,
  type EvaluationResult,
  type FlagSnapshot,
  type RegexEngine,
  SNAPSHOT_FORMAT,
  type SnapshotFlag,
} from "./types";

export interface CompileOptions {
  /** Predicates for `custom` rules, by evaluator name. */
  customEvaluators?: CustomEvaluators;
  /** "Now" for schedule rules (default: the system clock). */
  clock?: EngineClock;
  /**
   * A linear-time regex engine for `regex` conditions (patterns are compiled once, here). Without one, rules and
   * segments with `regex` conditions are skipped, and the result's `detail` says so.
   */
  regexEngine?: RegexEngine;
  /**
   * Called after every evaluation of a flag the snapshot has (through `evaluate`, `evaluateAll` or an accessor), for
   * usage counting: keep it cheap (count in memory, report later). What it throws is ignored.
   */
  onEvaluation?: (flagKey: string, result: EvaluationResult) => void;
  /**
   * The evaluator this snapshot replaces. A flag whose definition is the same in both (and that requires no other
   * flag) is taken from it instead of being checked and compiled again, so applying one flag's change to a large app
   * costs about one flag's compile. Used only when it was compiled with the same custom evaluators, clock and regex
   * engine, and the same segments.
   */
  previous?: FlagEvaluator;
}

/** Something in a snapshot that did not check out: a flag (by key) or a segment (`segmentKey`, flagKey ""). */
export interface SnapshotProblem {
  flagKey: string;
  segmentKey?: string;
  message: string;
}

/** A compiled snapshot. Evaluation does no I/O, never throws, and allocates nothing on the common paths. */
export interface FlagEvaluator {
  readonly revision: number;
  readonly appId: string;
  /** Every flag key, in snapshot order. */
  readonly keys: readonly string[];
  /** Flags that failed to compile (they evaluate to a PARSE_ERROR result), and segments that did not check out. */
  readonly problems: readonly SnapshotProblem[];
  has(flagKey: string): boolean;
  /** Evaluate one flag (DESIGN §6 order). Unknown flag → reason ERROR, errorCode FLAG_NOT_FOUND, value null. */
  evaluate(flagKey: string, context?: EvaluationContext): EvaluationResult;
  /** Every flag for one context, keyed by flag key. */
  evaluateAll(context?: EvaluationContext): Record<string, EvaluationResult>;
  /** Typed accessors: the flag's value when it has the right type and no error occurred, else `defaultValue`. */
  bool(flagKey: string, context: EvaluationContext | undefined, defaultValue: boolean): boolean;
  string(flagKey: string, context: EvaluationContext | undefined, defaultValue: string): string;
  /** Integral numbers only: 99.0 → 99; 99.5 → `defaultValue`. */
  int(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number;
  float(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number;
  json<T = JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): T;
}

const EMPTY_CONTEXT: EvaluationContext = Object.freeze({});

/** The options a compiled flag depends on: another compile may take its flags only when these are the same. */
const ENVIRONMENT = ["customEvaluators", "clock", "regexEngine"] as const;

/** What a later compile may take from an evaluator: its flags by key, with the definition each was compiled from. */
interface Reusable {
  environment: Pick<CompileOptions, (typeof ENVIRONMENT)[number]>;
  segments: string;
  flags: Map<string, { definition: string; checked: SnapshotFlag; compiled: CompiledFlag }>;
}

const reusable = new WeakMap<FlagEvaluator, Reusable>();

/** The previous evaluator's flags, when they were compiled in the same environment as this snapshot's will be. */
function reusableFrom(options: CompileOptions, segments: string | undefined): Reusable["flags"] | undefined {
  const before = options.previous === undefined ? undefined : reusable.get(options.previous);
  if (before === undefined || segments === undefined || before.segments !== segments) return undefined;
  return ENVIRONMENT.every((name) => before.environment[name] === options[name]) ? before.flags : undefined;
}

/** `value` as JSON text; undefined for what JSON cannot hold (a hand-made snapshot may have anything). */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Compile a snapshot into an evaluator. Never throws: a flag that does not check out evaluates to PARSE_ERROR (and
 * is listed in `problems`); a snapshot that is not a snapshot compiles to no flags.
 */
export function compileSnapshot(snapshot: FlagSnapshot | unknown, options: CompileOptions = {}): FlagEvaluator {
  const clock = options.clock ?? { now: () => new Date() };
  const source = isRecord(snapshot) ? snapshot : {};
  const revision = typeof source.revision === "number" ? source.revision : 0;
  const appId = typeof source.appId === "string" ? source.appId : "";
  const rawFlags: unknown[] = Array.isArray(source.flags) ? source.flags : [];
  const problems: SnapshotProblem[] = [];
  // A newer format may carry rules this engine would misread (ignoring an audience widens a rollout): refuse it.
  const format = source.format === undefined ? 1 : source.format;
  const unreadable =
    typeof format !== "number" || !Number.isInteger(format) || format < 1 || format > SNAPSHOT_FORMAT
      ? `snapshot format ${JSON.stringify(format)} is not one this engine reads (1 to ${SNAPSHOT_FORMAT}); upgrade @vault/engine`
      : undefined;
  const env: RuleEnvironment = {
    clock,
    customEvaluators: options.customEvaluators,
    regexEngine: options.regexEngine,
    segments: unreadable ? new Map() : compileSegments(source.segments, options.regexEngine, problems),
  };
  const flags = new Map<string, CompiledFlag>();
  const checked = new Map<string, SnapshotFlag>();
  const lookup = (key: string) => flags.get(key);
  const segments = jsonText(source.segments ?? null);
  const previous = unreadable ? undefined : reusableFrom(options, segments);
  const compiledFrom: Reusable["flags"] = new Map();
  for (const raw of rawFlags) {
    const key = isRecord(raw) && typeof raw.key === "string" ? raw.key : undefined;
    if (key === undefined) {
      problems.push({ flagKey: "", message: "a flag without a string key was ignored" });
      continue;
    }
    if (flags.has(key)) {
      problems.push({ flagKey: key, message: "duplicate flag key" });
      flags.set(key, brokenFlag(key, "duplicate flag key"));
      checked.delete(key);
      compiledFrom.delete(key);
      continue;
    }
    try {
      if (unreadable) throw new Error(unreadable);
      const definition = JSON.stringify(raw);
      const before = previous?.get(key);
      if (before !== undefined && before.definition === definition) {
        checked.set(key, before.checked);
        flags.set(key, before.compiled);
        compiledFrom.set(key, before);
        continue;
      }
      // Copy then freeze: results share values with the compiled flag, and callers must not be able to change them.
      const flag = deepFreeze(checkFlag(JSON.parse(definition)));
      const compiled = compileFlag(flag, lookup, env);
      checked.set(key, flag);
      flags.set(key, compiled);
      // A flag that requires others finds them through this compile's lookup: it is compiled again every time.
      if ((flag.prerequisites ?? []).length === 0) compiledFrom.set(key, { definition, checked: flag, compiled });
    } catch (error) {
      const message = error instanceof Error ? error.message : "invalid flag";
      problems.push({ flagKey: key, message });
      flags.set(key, brokenFlag(key, message));
    }
  }
  // A prerequisite cycle cannot be evaluated; the service rejects them on write, a hand-made snapshot may have one.
  const graph = new Map<string, string[]>();
  for (const [key, flag] of checked)
    graph.set(
      key,
      (flag.prerequisites ?? []).map((p) => p.flagKey),
    );
  for (let cycle = prerequisiteCycle(graph); cycle; cycle = prerequisiteCycle(graph)) {
    const message = `prerequisite cycle ${cycle.join(" → ")}`;
    for (const key of new Set(cycle)) {
      problems.push({ flagKey: key, message });
      flags.set(key, brokenFlag(key, message));
      graph.delete(key);
    }
  }
  const compiled = [...flags.values()];
  const keys = Object.freeze(compiled.map((f) => f.key));
  const general = errorResult("GENERAL", "evaluation failed");
  const observe = options.onEvaluation;
  const report = (flagKey: string, result: EvaluationResult) => {
    try {
      observe?.(flagKey, result);
    } catch {
      // A counter that fails must not change an evaluation.
    }
  };

  const evaluate = (flagKey: string, context?: EvaluationContext): EvaluationResult => {
    const flag = typeof flagKey === "string" ? flags.get(flagKey) : undefined;
    if (flag === undefined) return errorResult("FLAG_NOT_FOUND", `flag "${String(flagKey)}" not found`);
    const ctx = typeof context === "object" && context !== null ? context : EMPTY_CONTEXT;
    let result: EvaluationResult;
    try {
      result = flag.evaluate(ctx, 0);
    } catch {
      // Only a hostile context (a throwing getter) gets here; the engine itself does not throw.
      result = general;
    }
    if (observe !== undefined) report(flag.key, result);
    return result;
  };

  const evaluator: FlagEvaluator = Object.freeze({
    revision,
    appId,
    keys,
    problems: Object.freeze(problems),
    has: (flagKey: string) => flags.has(flagKey),
    evaluate,
    evaluateAll(context?: EvaluationContext) {
      const ctx = typeof context === "object" && context !== null ? context : EMPTY_CONTEXT;
      const out: Record<string, EvaluationResult> = {};
      for (let i = 0; i < compiled.length; i++) {
        const flag = compiled[i] as CompiledFlag;
        let result: EvaluationResult;
        try {
          result = flag.evaluate(ctx, 0);
        } catch {
          result = general;
        }
        if (observe !== undefined) report(flag.key, result);
        if (flag.key === "__proto__") Object.defineProperty(out, flag.key, { value: result, enumerable: true });
        else out[flag.key] = result;
      }
      return out;
    },
    bool(flagKey: string, context: EvaluationContext | undefined, defaultValue: boolean): boolean {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "boolean" ? r.value : defaultValue;
    },
    string(flagKey: string, context: EvaluationContext | undefined, defaultValue: string): string {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "string" ? r.value : defaultValue;
    },
    int(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "number" && Number.isSafeInteger(r.value)
        ? r.value
        : defaultValue;
    },
    float(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "number" && Number.isFinite(r.value)
        ? r.value
        : defaultValue;
    },
    json<T = JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): T {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && r.value !== null && r.value !== undefined ? (r.value as T) : defaultValue;
    },
  });
  if (!unreadable && segments !== undefined) {
    const environment = Object.fromEntries(ENVIRONMENT.map((name) => [name, options[name]]));
    reusable.set(evaluator, { environment, segments, flags: compiledFrom });
  }
  return evaluator;
}
