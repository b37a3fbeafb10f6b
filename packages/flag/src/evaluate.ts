import { appIdSchema, parseInput } from "@vault/core";
import type { EvaluationContext, EvaluationResult, FlagEvaluator, FlagSnapshot, JsonValue } from "@vault/engine";
import { cachedEvaluator, load } from "./cache";
import type { FlagContext } from "./context";

/** The app's compiled snapshot (cached; rebuilt after writes here and revision moves elsewhere). */
export async function loadEvaluator(ctx: FlagContext, app: string): Promise<FlagEvaluator> {
  const entry = await load(ctx, app);
  return entry.evaluator as FlagEvaluator;
}

/** The app's flags as plain JSON with the revision they were read at (use it as an ETag). */
export async function loadSnapshot(ctx: FlagContext, app: string): Promise<FlagSnapshot> {
  const entry = await load(ctx, app);
  return entry.snapshot as FlagSnapshot;
}

/** Evaluate one flag from the app's cached, compiled snapshot. A missing flag is a FLAG_NOT_FOUND result. */
export async function evaluateFlag(
  ctx: FlagContext,
  app: string,
  key: string,
  context: EvaluationContext,
): Promise<EvaluationResult> {
  return (cachedEvaluator(ctx, app) ?? (await loadEvaluator(ctx, app))).evaluate(key, context);
}

/** Evaluate every flag of the app for one context. */
export async function evaluateAllFlags(
  ctx: FlagContext,
  app: string,
  context: EvaluationContext,
): Promise<Record<string, EvaluationResult>> {
  return (cachedEvaluator(ctx, app) ?? (await loadEvaluator(ctx, app))).evaluateAll(context);
}

// The typed accessors never throw: an invalid app id or an unreadable snapshot gives the caller's default.

export async function boolFlag(
  ctx: FlagContext,
  appId: string,
  key: string,
  context: EvaluationContext,
  defaultValue: boolean,
): Promise<boolean> {
  return (await evaluatorOrUndefined(ctx, appId))?.bool(key, context, defaultValue) ?? defaultValue;
}

export async function stringFlag(
  ctx: FlagContext,
  appId: string,
  key: string,
  context: EvaluationContext,
  defaultValue: string,
): Promise<string> {
  return (await evaluatorOrUndefined(ctx, appId))?.string(key, context, defaultValue) ?? defaultValue;
}

export async function intFlag(
  ctx: FlagContext,
  appId: string,
  key: string,
  context: EvaluationContext,
  defaultValue: number,
): Promise<number> {
  return (await evaluatorOrUndefined(ctx, appId))?.int(key, context, defaultValue) ?? defaultValue;
}

export async function floatFlag(
  ctx: FlagContext,
  appId: string,
  key: string,
  context: EvaluationContext,
  defaultValue: number,
): Promise<number> {
  return (await evaluatorOrUndefined(ctx, appId))?.float(key, context, defaultValue) ?? defaultValue;
}

export async function jsonFlag<T = JsonValue>(
  ctx: FlagContext,
  appId: string,
  key: string,
  context: EvaluationContext,
  defaultValue: T,
): Promise<T> {
  const evaluator = await evaluatorOrUndefined(ctx, appId);
  return evaluator ? evaluator.json(key, context, defaultValue) : defaultValue;
}

async function evaluatorOrUndefined(ctx: FlagContext, appId: string): Promise<FlagEvaluator | undefined> {
  try {
    return await loadEvaluator(ctx, parseInput(appIdSchema, appId, "app id"));
  } catch {
    return undefined;
  }
}
