import { type ConfigEvaluator, compileConfigSnapshot, type ResolvedConfigValue } from "@vault/engine";

/** Which tenant's view of config (its overrides over the app's values); absent → the app's values. */
export interface ConfigTarget {
  tenantId?: string | null;
}

/** What a config watcher is told: the keys that changed (entries or any tenant's overrides) and the new revision. */
export interface ConfigChangeEvent {
  keys: string[];
  revision: number;
}

/**
 * Config of the app, resolved locally from the config snapshot by `@vault/engine` (the code the server resolves
 * with). Reads never throw and never wait: before the first snapshot they give the caller's defaults.
 */
export class ConfigView {
  #evaluator: ConfigEvaluator = compileConfigSnapshot({ revision: 0, appId: "", entries: [], overrides: [] });
  readonly #watches = new Set<{ pattern: string; prefix: boolean; callback: (event: ConfigChangeEvent) => void }>();
  readonly #onError: (error: unknown) => void;

  /** @internal The flag client creates it. */
  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** The revision of the config snapshot in use (0 before the first). */
  get revision(): number {
    return this.#evaluator.revision;
  }

  /** The resolved value of `key` for the tenant, or `defaultValue` when there is none. */
  get<T = unknown>(key: string, target: ConfigTarget | undefined, defaultValue: T): T {
    const resolved = this.#evaluator.get(key, target?.tenantId);
    return resolved === undefined ? defaultValue : (resolved.value as T);
  }

  /** The resolved value with its version and where it came from (`app` or `tenant`); undefined when missing. */
  lookup(key: string, target?: ConfigTarget): ResolvedConfigValue | undefined {
    return this.#evaluator.get(key, target?.tenantId);
  }

  string(key: string, defaultValue: string, target?: ConfigTarget): string {
    return this.#evaluator.string(key, defaultValue, target?.tenantId);
  }

  bool(key: string, defaultValue: boolean, target?: ConfigTarget): boolean {
    return this.#evaluator.bool(key, defaultValue, target?.tenantId);
  }

  int(key: string, defaultValue: number, target?: ConfigTarget): number {
    return this.#evaluator.int(key, defaultValue, target?.tenantId);
  }

  float(key: string, defaultValue: number, target?: ConfigTarget): number {
    return this.#evaluator.float(key, defaultValue, target?.tenantId);
  }

  /** Milliseconds (`"1m30s"` or a number of ms). */
  duration(key: string, defaultValue: number, target?: ConfigTarget): number {
    return this.#evaluator.duration(key, defaultValue, target?.tenantId);
  }

  json<T = unknown>(key: string, defaultValue: T, target?: ConfigTarget): T {
    return this.#evaluator.json(key, defaultValue, target?.tenantId);
  }

  /** Every key with the tenant's overrides applied (frozen). */
  resolveAll(tenantId?: string | null): Readonly<Record<string, unknown>> {
    return this.#evaluator.resolveAll(tenantId);
  }

  /**
   * Call `callback` when `pattern` changes: a key, a prefix ending in `*` (`"limits/*"`), or `"*"` for every key.
   * Returns the function that stops watching.
   */
  watch(pattern: string, callback: (event: ConfigChangeEvent) => void): () => void {
    const prefix = pattern.endsWith("*");
    const watch = { pattern: prefix ? pattern.slice(0, -1) : pattern, prefix, callback };
    this.#watches.add(watch);
    return () => this.#watches.delete(watch);
  }

  /** @internal Install a new snapshot's evaluator and tell the watchers of the keys it changed. */
  install(evaluator: ConfigEvaluator, changed: string[]): void {
    this.#evaluator = evaluator;
    if (changed.length === 0) return;
    for (const watch of [...this.#watches]) {
      const keys = changed.filter((key) => (watch.prefix ? key.startsWith(watch.pattern) : key === watch.pattern));
      if (keys.length === 0) continue;
      try {
        watch.callback({ keys, revision: evaluator.revision });
      } catch (error) {
        this.#onError(error);
      }
    }
  }

  /** @internal */
  clear(): void {
    this.#watches.clear();
  }
}
