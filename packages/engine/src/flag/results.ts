// Evaluation results are frozen once and shared between calls.

import type { EvaluationResult } from "./types";

/** A frozen copy of `result` that carries only the fields that are set. */
export function freezeResult(result: EvaluationResult): EvaluationResult {
  const out: EvaluationResult = { value: result.value, reason: result.reason };
  if (result.variant !== undefined) out.variant = result.variant;
  if (result.ruleId !== undefined) out.ruleId = result.ruleId;
  if (result.errorCode !== undefined) out.errorCode = result.errorCode;
  if (result.errorMessage !== undefined) out.errorMessage = result.errorMessage;
  if (result.detail !== undefined) out.detail = result.detail;
  return Object.freeze(out);
}

/** An ERROR result: value null, with the code and message. */
export function errorResult(errorCode: EvaluationResult["errorCode"], errorMessage: string): EvaluationResult {
  return Object.freeze({ value: null, reason: "ERROR" as const, errorCode, errorMessage });
}
