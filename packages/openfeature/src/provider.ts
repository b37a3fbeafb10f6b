import {
  ErrorCode,
  type EvaluationContext,
  type JsonValue,
  type Logger,
  OpenFeatureEventEmitter,
  type Provider,
  ProviderEvents,
  type ResolutionDetails,
  StandardResolutionReasons,
} from "@openfeature/server-sdk";
import {
  createFlagClient,
  type EvaluationResult,
  type FlagClient,
  type FlagClientOptions,
  vaultContextOf,
} from "@vault/client";

type FlagValueType = "boolean" | "string" | "number" | "object";

const ERROR_CODES: Record<NonNullable<EvaluationResult["errorCode"]>, ErrorCode> = {
  FLAG_NOT_FOUND: ErrorCode.FLAG_NOT_FOUND,
  TYPE_MISMATCH: ErrorCode.TYPE_MISMATCH,
  PARSE_ERROR: ErrorCode.PARSE_ERROR,
  GENERAL: ErrorCode.GENERAL,
};

function hasType(value: unknown, type: FlagValueType): boolean {
  if (type === "object") return typeof value === "object" && value !== null;
  return typeof value === type;
}

/**
 * An OpenFeature server provider over a {@link FlagClient}: every evaluation is local (no request per flag), from
 * the snapshot the client keeps fresh over the server's event stream.
 *
 * The OpenFeature context maps to Vault's as `vaultContextOf` says: `targetingKey` is the user, `tenantId` the
 * tenant, `tenantTags` its tags, every other field an attribute. Events: READY once the client has snapshots (again
 * after STALE), CONFIGURATION_CHANGED with the changed flag keys, STALE while the server is out of reach (evaluation
 * goes on from the last snapshot), ERROR when no snapshot came in time or the key was refused.
 */
export class VaultProvider implements Provider {
  readonly metadata = { name: "Vault" } as const;
  readonly runsOn = "server" as const;
  readonly events = new OpenFeatureEventEmitter();
  readonly client: FlagClient;
  readonly #ownsClient: boolean;
  readonly #unsubscribe: Array<() => void> = [];
  #initialized = false;

  /** Over an existing client (the caller closes it), or over one created from `options` (closed by `onClose`). */
  constructor(clientOrOptions: FlagClient | FlagClientOptions) {
    this.#ownsClient = !("evaluate" in clientOrOptions);
    this.client = "evaluate" in clientOrOptions ? clientOrOptions : createFlagClient(clientOrOptions);
    this.#unsubscribe.push(
      this.client.on("change", (event) => {
        if (event.topic === "flags") {
          this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: event.keys });
        }
      }),
      this.client.on("stale", (event) => {
        this.events.emit(ProviderEvents.Stale, {
          message: `the Vault server is out of reach: ${errorText(event.error)}`,
        });
      }),
      this.client.on("ready", () => {
        // The SDK announces the first READY itself when initialize() resolves.
        if (this.#initialized) this.events.emit(ProviderEvents.Ready);
      }),
      this.client.on("error", (event) => {
        this.events.emit(ProviderEvents.Error, { message: errorText(event.error) });
      }),
    );
  }

  /** Resolves when the client has snapshots; rejects (the SDK then reports ERROR) when none came in time. */
  async initialize(): Promise<void> {
    const source = await this.client.ready();
    this.#initialized = true;
    if (source === "timeout") {
      // The client resolves ready() as a timeout when it is closed too; say which, or the message misleads.
      throw new Error(
        this.client.status === "closed"
          ? "the flag client was closed before a first snapshot came from the Vault server"
          : "no flag snapshot from the Vault server in time: evaluations give their defaults until one comes",
      );
    }
  }

  async onClose(): Promise<void> {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    if (this.#ownsClient) await this.client.close();
  }

  resolveBooleanEvaluation(
    flagKey: string,
    defaultValue: boolean,
    context: EvaluationContext,
    _logger?: Logger,
  ): Promise<ResolutionDetails<boolean>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context, "boolean"));
  }

  resolveStringEvaluation(
    flagKey: string,
    defaultValue: string,
    context: EvaluationContext,
    _logger?: Logger,
  ): Promise<ResolutionDetails<string>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context, "string"));
  }

  resolveNumberEvaluation(
    flagKey: string,
    defaultValue: number,
    context: EvaluationContext,
    _logger?: Logger,
  ): Promise<ResolutionDetails<number>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context, "number"));
  }

  resolveObjectEvaluation<T extends JsonValue>(
    flagKey: string,
    defaultValue: T,
    context: EvaluationContext,
    _logger?: Logger,
  ): Promise<ResolutionDetails<T>> {
    return Promise.resolve(this.#resolve(flagKey, defaultValue, context, "object"));
  }

  /** The engine's result as OpenFeature's resolution details; the caller's default on any error. */
  #resolve<T>(flagKey: string, defaultValue: T, context: EvaluationContext, type: FlagValueType): ResolutionDetails<T> {
    if (this.client.status === "connecting" || this.client.status === "closed") {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.PROVIDER_NOT_READY,
        errorMessage: "no flag snapshot yet",
      };
    }
    const result = this.client.evaluate(flagKey, vaultContextOf(context as Record<string, unknown>));
    if (result.reason === "ERROR") {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ERROR_CODES[result.errorCode ?? "GENERAL"],
        ...(result.errorMessage === undefined ? {} : { errorMessage: result.errorMessage }),
      };
    }
    if (!hasType(result.value, type)) {
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.TYPE_MISMATCH,
        errorMessage: `flag "${flagKey}" is not a ${type}`,
      };
    }
    return {
      value: result.value as T,
      reason: result.reason,
      ...(result.variant === undefined ? {} : { variant: result.variant }),
      flagMetadata: result.ruleId === undefined ? {} : { ruleId: result.ruleId },
    };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
