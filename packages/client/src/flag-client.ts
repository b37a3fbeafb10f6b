import {
  type CompileOptions,
  type ConfigSnapshot,
  compileConfigSnapshot,
  compileSnapshot,
  type EvaluationContext,
  type EvaluationResult,
  type FlagEvaluator,
  type FlagSnapshot,
  type JsonValue,
} from "@vault/engine";
import { createVaultApi, type VaultApi } from "./api";
import { readBackup, type Snapshots, writeBackup } from "./backup";
import { ConfigView } from "./config-view";
import { changedConfigKeys, changedFlagKeys } from "./diff";
import { Listeners } from "./events";
import { type BackoffOptions, backoffDelay } from "./sync/backoff";
import { readStream, StreamEnded, type StreamEvent } from "./sync/stream";

export interface FlagClientOptions {
  /** The Vault server's base URL. */
  url: string;
  /** An API key of the app with `flags:evaluate` (or `flags:read`) and, for config, `config:read`. */
  apiKey: string;
  appId: string;
  /** Snapshots to start from (rendered into the page, shipped with the build): `ready()` resolves at once. */
  bootstrap?: Snapshots;
  /** Follow the server's event stream (default true); false polls every `pollIntervalMs`. */
  stream?: boolean;
  /** How often to poll the snapshots when not streaming, or when a proxy blocks the stream (default 30 000 ms). */
  pollIntervalMs?: number;
  /**
   * A file (Node) where the last snapshots from the server are kept: read at start (ready at once, even while the
   * server is down) and rewritten after every change.
   */
  backupFile?: string;
  /** How long `ready()` waits for a first snapshot before it resolves anyway, with defaults (default 5000 ms). */
  readyTimeoutMs?: number;
  /** Reconnection delays: exponential from `initialMs` to `maxMs`, with jitter. */
  backoff?: BackoffOptions;
  /** A stream that carries nothing, not even a heartbeat, for this long is reconnected (default 45 000 ms). */
  heartbeatTimeoutMs?: number;
  /** Custom rule evaluators, schedule clock and regex engine, as `compileSnapshot` takes them. */
  compile?: CompileOptions;
  /** The fetch to use (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Random numbers for backoff jitter (tests). */
  random?: () => number;
}

/** Where the snapshots in use came from when `ready()` resolved; `timeout`: none came in time (defaults apply). */
export type ReadySource = "bootstrap" | "backup" | "server" | "timeout";

export type FlagClientStatus = "connecting" | "ready" | "stale" | "closed";

export interface FlagClientEvents {
  /** Snapshots are in use (again, after `stale`). */
  ready: { source: Exclude<ReadySource, "timeout"> };
  /** A new snapshot changed these flags or config keys. */
  change: { topic: "flags" | "config"; keys: string[]; revision: number };
  /** The server is out of reach; evaluation goes on from the last snapshots. */
  stale: { error: unknown };
  /** Something failed that the caller may want to know: no snapshot in time, a refused key, a listener that threw. */
  error: { error: unknown };
}

const NO_FLAGS: FlagSnapshot = { revision: 0, appId: "", flags: [] };

/**
 * Flags and config of one app, evaluated locally and kept fresh over the server's event stream (or by polling).
 * Evaluation never throws and never waits: before the first snapshot it gives the caller's defaults, and while the
 * server is away it goes on from the last snapshots.
 */
export class FlagClient {
  /** The app's config, resolved locally. */
  readonly config: ConfigView;
  readonly #options: FlagClientOptions;
  readonly #api: VaultApi;
  readonly #fetch: typeof globalThis.fetch;
  readonly #listeners = new Listeners<FlagClientEvents>();
  #flagSnapshot: FlagSnapshot | undefined;
  #configSnapshot: ConfigSnapshot | undefined;
  #flags: FlagEvaluator = compileSnapshot(NO_FLAGS);
  #status: FlagClientStatus = "connecting";
  #ready: Promise<ReadySource>;
  #resolveReady: (source: ReadySource) => void = () => {};
  #readyTimer: ReturnType<typeof setTimeout> | undefined;
  #sleeping: { timer: ReturnType<typeof setTimeout>; wake: () => void } | undefined;
  #connection: AbortController | undefined;
  #backupWrite: Promise<void> = Promise.resolve();
  #closed = false;
  /** Topics the key may not read (403 on its snapshot). */
  readonly #forbidden = new Set<"flags" | "config">();
  readonly #running: Promise<void>;

  constructor(options: FlagClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#api = createVaultApi({ url: options.url, apiKey: options.apiKey, fetch: this.#fetch });
    this.config = new ConfigView((error) => this.#error(error));
    this.#ready = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
    this.#readyTimer = setTimeout(() => {
      this.#resolveReady("timeout");
      if (this.#status === "connecting") {
        this.#error(new Error(`no snapshot within ${options.readyTimeoutMs ?? 5000} ms: evaluating with defaults`));
      }
    }, options.readyTimeoutMs ?? 5_000);
    if (options.bootstrap) this.#install(options.bootstrap, "bootstrap");
    this.#running = this.#run();
  }

  /** Connecting, ready, stale (the server is out of reach), or closed. */
  get status(): FlagClientStatus {
    return this.#status;
  }

  /** The flag snapshot's revision (0 before the first). */
  get revision(): number {
    return this.#flags.revision;
  }

  /**
   * Resolves when snapshots are in use — at once from a bootstrap or a backup file, else on the first snapshot from
   * the server — or after `readyTimeoutMs` with `"timeout"`: evaluation then gives the caller's defaults until the
   * server answers. Never rejects.
   */
  ready(): Promise<ReadySource> {
    return this.#ready;
  }

  /** Evaluate one flag (the engine's result: value, variant, reason, ruleId, errorCode). */
  evaluate(flagKey: string, context?: EvaluationContext): EvaluationResult {
    return this.#flags.evaluate(flagKey, context);
  }

  /** Every flag for one context. */
  evaluateAll(context?: EvaluationContext): Record<string, EvaluationResult> {
    return this.#flags.evaluateAll(context);
  }

  /** True when the snapshot in use has the flag. */
  has(flagKey: string): boolean {
    return this.#flags.has(flagKey);
  }

  /** Every flag key of the snapshot in use. */
  get keys(): readonly string[] {
    return this.#flags.keys;
  }

  bool(flagKey: string, context: EvaluationContext | undefined, defaultValue: boolean): boolean {
    return this.#flags.bool(flagKey, context, defaultValue);
  }

  string(flagKey: string, context: EvaluationContext | undefined, defaultValue: string): string {
    return this.#flags.string(flagKey, context, defaultValue);
  }

  int(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number {
    return this.#flags.int(flagKey, context, defaultValue);
  }

  float(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number {
    return this.#flags.float(flagKey, context, defaultValue);
  }

  json<T = JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): T {
    return this.#flags.json(flagKey, context, defaultValue);
  }

  /** Listen to `ready`, `change`, `stale` or `error`; returns the function that stops listening. */
  on<E extends keyof FlagClientEvents>(event: E, listener: (payload: FlagClientEvents[E]) => void): () => void {
    return this.#listeners.on(event, listener);
  }

  /** Stop syncing (the snapshots in use stay readable) and wait for a pending backup write. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#status = "closed";
    clearTimeout(this.#readyTimer);
    this.#resolveReady("timeout");
    this.#connection?.abort();
    this.#wake();
    await this.#running;
    await this.#backupWrite;
    this.#listeners.clear();
    this.config.clear();
  }

  // --- syncing ---

  async #run(): Promise<void> {
    if (this.#options.backupFile) {
      const backup = await readBackup(this.#options.backupFile);
      if (backup && !this.#closed) this.#install(backup, "backup");
    }
    const streaming = this.#options.stream ?? true;
    let mode: "stream" | "poll" = streaming ? "stream" : "poll";
    let attempt = 0;
    let polls = 0;
    while (!this.#closed) {
      if (mode === "stream") {
        const { reachedReady, ended } = await this.#streamOnce();
        if (this.#closed) break;
        if (reachedReady) attempt = 0;
        if (ended.kind === "blocked" || (ended.kind === "status" && [404, 405, 406].includes(ended.status ?? 0))) {
          // Something between us and the server does not pass event streams: poll (and try the stream now and then).
          mode = "poll";
          polls = 0;
          continue;
        }
        this.#lost(ended);
        await this.#sleep(backoffDelay(attempt++, this.#options.backoff, this.#options.random));
        continue;
      }
      try {
        await this.#pollOnce();
        attempt = 0;
        this.#serverReady();
      } catch (error) {
        this.#lost(error);
        await this.#sleep(backoffDelay(attempt++, this.#options.backoff, this.#options.random));
        continue;
      }
      polls += 1;
      if (streaming && polls % 10 === 0) {
        mode = "stream";
        continue;
      }
      await this.#sleep(this.#options.pollIntervalMs ?? 30_000);
    }
  }

  /** Follow the stream until it ends; says whether it got as far as `ready`, and why it ended. */
  async #streamOnce(): Promise<{ reachedReady: boolean; ended: StreamEnded }> {
    const connection = new AbortController();
    this.#connection = connection;
    let reachedReady = false;
    const silenceMs = this.#options.heartbeatTimeoutMs ?? 45_000;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let silent = false;
    const armWatchdog = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        connection.abort();
      }, silenceMs);
    };
    armWatchdog();
    try {
      await readStream({
        url: `${this.#options.url.replace(/\/+$/, "")}/v1/apps/${encodeURIComponent(this.#options.appId)}/stream`,
        headers: { authorization: `Bearer ${this.#options.apiKey}`, "last-event-id": this.#position() },
        fetch: this.#fetch,
        signal: connection.signal,
        onActivity: armWatchdog,
        onEvent: (event) => {
          if (this.#onStreamEvent(event)) reachedReady = true;
        },
      });
      throw new StreamEnded("unreachable", "network");
    } catch (error) {
      const ended =
        error instanceof StreamEnded
          ? silent
            ? new StreamEnded(`no data for ${silenceMs} ms`, "silent")
            : error
          : new StreamEnded(String(error), "network");
      if (ended.kind === "status" && (ended.status === 401 || ended.status === 403)) this.#error(ended);
      return { reachedReady, ended };
    } finally {
      clearTimeout(watchdog);
      this.#connection = undefined;
    }
  }

  /** Apply one stream event; true for `ready`. */
  #onStreamEvent(event: StreamEvent): boolean {
    try {
      if (event.event === "flags") this.#install({ flags: JSON.parse(event.data) as FlagSnapshot }, "server");
      else if (event.event === "config") this.#install({ config: JSON.parse(event.data) as ConfigSnapshot }, "server");
      else if (event.event === "ready") {
        this.#serverReady();
        return true;
      }
    } catch (error) {
      this.#error(error);
    }
    return false;
  }

  /** What we hold, as the stream's event id: the server then sends only what moved since (nothing twice). */
  #position(): string {
    const part = (snapshot: { revision: number } | undefined) => (snapshot ? String(snapshot.revision) : "-");
    return `${part(this.#flagSnapshot)}.${part(this.#configSnapshot)}`;
  }

  /** Poll both snapshots with If-None-Match (a 304 costs the server nothing to send). */
  async #pollOnce(): Promise<void> {
    const path = { appId: this.#options.appId };
    const etag = (snapshot: { revision: number } | undefined) =>
      snapshot ? { "if-none-match": `"${snapshot.revision}"` } : undefined;
    const [flags, config] = await Promise.all([
      this.#forbidden.has("flags")
        ? undefined
        : this.#api.GET("/v1/apps/{appId}/snapshot", { params: { path }, headers: etag(this.#flagSnapshot) }),
      this.#forbidden.has("config")
        ? undefined
        : this.#api.GET("/v1/apps/{appId}/config-snapshot", { params: { path }, headers: etag(this.#configSnapshot) }),
    ]);
    for (const [topic, result] of [
      ["flags", flags],
      ["config", config],
    ] as const) {
      if (!result) continue;
      const status = result.response.status;
      if (status === 403) this.#forbidden.add(topic);
      else if (status !== 200 && status !== 304) throw new Error(`polling the ${topic} snapshot: ${status}`);
    }
    if (this.#forbidden.size === 2) throw new StreamEnded("the key may read neither flags nor config", "status", 403);
    if (flags?.response.status === 200) this.#install({ flags: flags.data as unknown as FlagSnapshot }, "server");
    if (config?.response.status === 200) this.#install({ config: config.data as ConfigSnapshot }, "server");
  }

  // --- state ---

  /** Put newer snapshots in use, tell listeners what changed, and back them up. */
  #install(snapshots: Snapshots, source: Exclude<ReadySource, "timeout">): void {
    let installed = false;
    const { flags, config } = snapshots;
    if (flags && (this.#flagSnapshot === undefined || flags.revision > this.#flagSnapshot.revision)) {
      const changed = changedFlagKeys(this.#flagSnapshot, flags);
      const first = this.#flagSnapshot === undefined;
      this.#flagSnapshot = flags;
      // Flags this snapshot did not change are taken from the evaluator in use, not compiled again.
      this.#flags = compileSnapshot(flags, { ...this.#options.compile, previous: this.#flags });
      installed = true;
      if (!first && changed.length > 0)
        this.#emit("change", { topic: "flags", keys: changed, revision: flags.revision });
    }
    if (config && (this.#configSnapshot === undefined || config.revision > this.#configSnapshot.revision)) {
      const changed = changedConfigKeys(this.#configSnapshot, config);
      const first = this.#configSnapshot === undefined;
      this.#configSnapshot = config;
      this.config.install(compileConfigSnapshot(config), first ? [] : changed);
      installed = true;
      if (!first && changed.length > 0) {
        this.#emit("change", { topic: "config", keys: changed, revision: config.revision });
      }
    }
    if (source !== "server") this.#becomeReady(source);
    if (installed && source === "server") this.#backup();
  }

  #serverReady(): void {
    this.#becomeReady("server");
  }

  #becomeReady(source: Exclude<ReadySource, "timeout">): void {
    if (this.#closed || this.#status === "ready") return;
    this.#status = "ready";
    clearTimeout(this.#readyTimer);
    this.#resolveReady(source);
    this.#emit("ready", { source });
  }

  /** The server went out of reach: keep evaluating from what we have, and say so once. */
  #lost(error: unknown): void {
    if (this.#closed || this.#status !== "ready") return;
    this.#status = "stale";
    this.#emit("stale", { error });
  }

  #backup(): void {
    const file = this.#options.backupFile;
    if (!file) return;
    const snapshots: Snapshots = { flags: this.#flagSnapshot, config: this.#configSnapshot };
    this.#backupWrite = this.#backupWrite.then(() => writeBackup(file, snapshots)).catch((error) => this.#error(error));
  }

  #emit<E extends keyof FlagClientEvents>(event: E, payload: FlagClientEvents[E]): void {
    this.#listeners.emit(event, payload, (error) => {
      if (event !== "error") this.#error(error);
    });
  }

  #error(error: unknown): void {
    this.#emit("error", { error });
  }

  #sleep(ms: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#sleeping = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#sleeping = { timer, wake };
    });
  }

  #wake(): void {
    this.#sleeping?.wake();
  }
}

/**
 * A client that evaluates the app's flags and resolves its config locally, kept fresh over the server's event
 * stream: `const flags = createFlagClient({ url, apiKey, appId }); await flags.ready(); flags.bool("beta", ctx, false)`.
 */
export function createFlagClient(options: FlagClientOptions): FlagClient {
  return new FlagClient(options);
}
