import type {
  Condition,
  CustomEvaluator,
  FlagRule,
  FlagType,
  JsonValue,
  Prerequisite,
  RegexEngine,
  RuleInput,
} from "@vault/engine";
import type { StoreContext } from "@vault/store";
import type { UsageFlush } from "./usage";

/**
 * The Store context (`db`, `changes`, `audit`, `clock`) and the flag service's own options. Compiled snapshots are
 * cached per app and dropped when the app's flag revision moves: pass the process's change feed as `changes` (on
 * Postgres it also pushes); without one the service polls with a feed of its own.
 */
export interface FlagServiceOptions extends StoreContext {
  /** Predicates for `custom` rules, by name. */
  customEvaluators?: Record<string, CustomEvaluator>;
  /** The linear-time engine `regex` conditions run on (default: {@link re2RegexEngine}, RE2 through re2js). */
  regexEngine?: RegexEngine;
  /**
   * Usage counting: every evaluation this service serves (and every count `recordUsage` is given) is counted in
   * memory per flag and variant and added to the database every `flushIntervalMs` (default 60 s; 0: only when
   * `flushUsage()` or `close()` is called). `false` turns counting off.
   */
  usage?:
    | false
    | {
        flushIntervalMs?: number;
        /** Told what each flush wrote. */
        onFlush?: (flush: UsageFlush) => void;
        /** Told when a timed flush fails (its counts are kept for the next). */
        onError?: (error: unknown) => void;
      };
}

/** How many evaluations of one flag and variant a client counted (what `recordUsage` takes). */
export interface UsageReportEntry {
  flagKey: string;
  /** The variant the evaluations returned; omit for results without one. */
  variant?: string;
  count: number;
}

/** What `recordUsage` did with a report: entries for flags or variants the app does not have are ignored. */
export interface UsageReportResult {
  accepted: number;
  ignored: { flagKey: string; variant?: string; reason: string }[];
}

/** A stored flag: its definition, its rules in evaluation order, and its version (what `cas` compares). */
export interface Flag {
  id: string;
  appId: string;
  key: string;
  type: FlagType;
  defaultValue: JsonValue;
  enabled: boolean;
  description: string;
  tags: string[];
  variants: Record<string, JsonValue>;
  prerequisites: Prerequisite[];
  metadata: Record<string, unknown>;
  rules: FlagRule[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface FlagOverride {
  id: string;
  appId: string;
  flagKey: string;
  tenantId: string;
  value: JsonValue;
  createdAt: Date;
  updatedAt: Date;
}

/** An individual target: one user's own value of a flag (beats the tenant's override). */
export interface FlagUserOverride {
  id: string;
  appId: string;
  flagKey: string;
  userId: string;
  value: JsonValue;
  createdAt: Date;
  updatedAt: Date;
}

/** A named, reusable constraint list of an app; rules name it in `segments`. */
export interface Segment {
  /** `seg_…` */
  id: string;
  appId: string;
  key: string;
  description: string;
  /** Conditions that must all hold. */
  constraints: Condition[];
  /** Counts every change; what `cas` compares. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DefineSegmentInput {
  key: string;
  description?: string;
  constraints: Condition[];
}

export type UpdateSegmentInput = Partial<Omit<DefineSegmentInput, "key">>;

export interface ListSegmentsOptions {
  /** Only keys starting with this. */
  prefix?: string;
  cursor?: string;
  limit?: number;
}

export interface DefineFlagInput {
  key: string;
  type: FlagType;
  defaultValue: JsonValue;
  /** Default true. */
  enabled?: boolean;
  description?: string;
  tags?: string[];
  variants?: Record<string, JsonValue>;
  prerequisites?: Prerequisite[];
  metadata?: Record<string, unknown>;
  rules?: RuleInput[];
}

export type UpdateFlagInput = Partial<Omit<DefineFlagInput, "key" | "rules">>;

export interface WriteOptions {
  /** Succeed only if the flag's current version is this (check-and-set), else CONFLICT. */
  cas?: number;
}

export interface ListFlagsOptions {
  /** Only flags carrying this tag. */
  tag?: string;
  /** Only keys starting with this. */
  prefix?: string;
  cursor?: string;
  limit?: number;
}
