import { CONFIG_TOPIC } from "@vault/config";
import { FLAGS_TOPIC } from "@vault/flag";
import type { FastifyBaseLogger } from "fastify";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Vault } from "../../vault";
import { type SerializedSnapshot, StreamConnection, serializeSnapshot } from "./connection";
import { STREAM_TOPICS, type StreamPosition, type StreamTopic } from "./event-id";

/** Starts a repeating task; returns the function that stops it. Tests pass one they drive by hand. */
export type Every = (ms: number, task: () => void) => () => void;

/** The real timer behind an {@link Every}: unref'd, so it never keeps the process alive. */
export const realEvery: Every = (ms, task) => {
  const timer = setInterval(task, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export interface StreamHubOptions {
  /** How often every open stream gets a heartbeat comment (default 15 000 ms). */
  heartbeatMs?: number;
  /** Bytes a client may leave unread before it is dropped at its next event (default 1 MiB). */
  maxBufferedBytes?: number;
  /** After a snapshot read failed (the database is away), how long until it is read again (default 1000 ms). */
  retryMs?: number;
  /** The timer behind heartbeats and retries (default: setInterval, unref'd). */
  every?: Every;
}

/** Which change-feed topic carries each stream topic's revisions. */
const FEED_TOPIC: Record<StreamTopic, string> = { flags: FLAGS_TOPIC, config: CONFIG_TOPIC };

interface TopicState {
  latest?: SerializedSnapshot;
  /** The highest revision the change feed announced. */
  announced: number;
  reading?: Promise<void>;
  /** A change arrived while reading: read again when done. */
  again: boolean;
  stopRetry?: () => void;
}

/** One app's streams: the connections, one change-feed watch per topic, and each topic's latest snapshot. */
class AppChannel {
  readonly connections = new Set<StreamConnection>();
  readonly topics: Record<StreamTopic, TopicState> = {
    flags: { announced: 0, again: false },
    config: { announced: 0, again: false },
  };
  /** Connections opening (their initial read in flight): the channel stays while any is. */
  opening = 0;
  readonly unwatch: Array<() => void> = [];
}

/**
 * The server's live streams, by app. Each app with open streams is watched on the process's change feed (pushed by
 * this process's writes and, on Postgres, by LISTEN/NOTIFY from every other instance; polled otherwise); when a
 * topic's revision moves, its snapshot is read once, serialized once, and written to every connection of the app.
 * Heartbeats go out on one timer for all streams.
 */
export class StreamHub {
  readonly #vault: Vault;
  readonly #log: FastifyBaseLogger;
  readonly #channels = new Map<string, AppChannel>();
  readonly #maxBufferedBytes: number;
  readonly #retryMs: number;
  readonly #every: Every;
  readonly #stopHeartbeat: () => void;
  readonly #open: Gauge;
  readonly #dropped: Counter<"reason">;
  #closed = false;

  constructor(vault: Vault, log: FastifyBaseLogger, options: StreamHubOptions = {}) {
    this.#vault = vault;
    this.#log = log;
    this.#maxBufferedBytes = options.maxBufferedBytes ?? 1_048_576;
    this.#retryMs = options.retryMs ?? 1_000;
    this.#every = options.every ?? realEvery;
    this.#stopHeartbeat = this.#every(options.heartbeatMs ?? 15_000, () => this.#heartbeat());
    const registry: Registry = vault.metrics.registry;
    this.#open =
      (registry.getSingleMetric("vault_streams_open") as Gauge | undefined) ??
      new Gauge({ name: "vault_streams_open", help: "Open event streams (SSE).", registers: [registry] });
    this.#dropped =
      (registry.getSingleMetric("vault_streams_dropped_total") as Counter<"reason"> | undefined) ??
      new Counter({
        name: "vault_streams_dropped_total",
        help: "Event streams the server closed, by reason (slow_client: its unread buffer was full).",
        labelNames: ["reason"] as const,
        registers: [registry],
      });
  }

  /** Open streams, across apps. */
  get size(): number {
    let total = 0;
    for (const channel of this.#channels.values()) total += channel.connections.size;
    return total;
  }

  /**
   * Make sure `appId`'s topics are watched and their current snapshots read. Rejects (the database is away) before
   * anything is written to the client, so the caller can still answer with an error. Pair with {@link attach} or
   * {@link abandon}.
   */
  async prepare(appId: string, topics: ReadonlySet<StreamTopic>): Promise<AppChannel> {
    const channel = this.#channel(appId);
    channel.opening += 1;
    try {
      await Promise.all([...topics].map((topic) => this.#current(appId, channel, topic)));
      return channel;
    } catch (error) {
      this.abandon(appId, channel);
      throw error;
    }
  }

  /** A prepared stream that will not be attached (its request failed). */
  abandon(appId: string, channel: AppChannel): void {
    channel.opening -= 1;
    this.#release(appId, channel);
  }

  /**
   * Attach a client: it is sent the snapshots newer than its position, then `ready`, then every change. Returns the
   * function to call when the client goes away.
   */
  attach(
    appId: string,
    channel: AppChannel,
    connection: {
      raw: import("node:http").ServerResponse;
      topics: ReadonlySet<StreamTopic>;
      position: StreamPosition;
    },
  ): () => void {
    channel.opening -= 1;
    // A client ahead of this server (its id came from a database restored to an older state) starts over.
    const position = { ...connection.position };
    for (const topic of STREAM_TOPICS) {
      if (position[topic] > (channel.topics[topic].latest?.revision ?? -1)) position[topic] = -1;
    }
    const stream = new StreamConnection({
      ...connection,
      position,
      maxBufferedBytes: this.#maxBufferedBytes,
      onDrop: (reason) => {
        this.#dropped.inc({ reason });
        this.#log.info({ appId, reason }, "event stream dropped");
      },
    });
    channel.connections.add(stream);
    this.#open.inc();
    for (const topic of STREAM_TOPICS) {
      const latest = channel.topics[topic].latest;
      if (latest) stream.send(topic, latest);
    }
    stream.ready();
    let detached = false;
    return () => {
      if (detached) return;
      detached = true;
      channel.connections.delete(stream);
      this.#open.dec();
      this.#release(appId, channel);
    };
  }

  /** End every stream (server shutdown: clients reconnect to another instance and resume) and stop the timers. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopHeartbeat();
    for (const [appId, channel] of this.#channels) {
      for (const stream of channel.connections) stream.end();
      this.#teardown(appId, channel);
    }
  }

  #channel(appId: string): AppChannel {
    let channel = this.#channels.get(appId);
    if (channel) return channel;
    const created = new AppChannel();
    channel = created;
    this.#channels.set(appId, created);
    for (const topic of STREAM_TOPICS) {
      created.unwatch.push(
        this.#vault.changes.watch(appId, FEED_TOPIC[topic], (change) => {
          const state = created.topics[topic];
          state.announced = Math.max(state.announced, change.revision);
          if ((state.latest?.revision ?? -1) < change.revision) {
            this.#read(appId, created, topic).catch(() => {}); // logged and retried in #read
          }
        }),
      );
    }
    return created;
  }

  /** The topic's latest snapshot, read now when there is none yet (rejects when the read fails). */
  async #current(appId: string, channel: AppChannel, topic: StreamTopic): Promise<void> {
    if (!channel.topics[topic].latest) await this.#read(appId, channel, topic);
  }

  /**
   * Read the topic's snapshot and broadcast it: one read at a time per topic, and a change announced during a read
   * causes one more. Resolves when the latest read is done; a failure is logged and retried shortly.
   */
  #read(appId: string, channel: AppChannel, topic: StreamTopic): Promise<void> {
    const state = channel.topics[topic];
    if (state.reading) {
      state.again = true;
      return state.reading;
    }
    state.stopRetry?.();
    state.stopRetry = undefined;
    const reading = (async () => {
      // Let the change feed's other listeners run first: the flag service drops its cached snapshot in one.
      await Promise.resolve();
      do {
        state.again = false;
        const snapshot = await this.#readSnapshot(appId, topic);
        if (snapshot.revision > (state.latest?.revision ?? -1)) {
          const serialized = serializeSnapshot(snapshot.revision, snapshot);
          state.latest = serialized;
          for (const stream of channel.connections) stream.send(topic, serialized);
        }
      } while (state.again && !this.#closed);
    })();
    state.reading = reading;
    reading.then(
      () => {
        state.reading = undefined;
      },
      (error: unknown) => {
        state.reading = undefined;
        // The database is away: keep what we have and read again shortly (no further announcement may come).
        this.#log.warn({ err: error, appId, topic }, "event stream: could not read the snapshot; retrying");
        if (this.#closed || this.#channels.get(appId) !== channel) return;
        const stop = this.#every(this.#retryMs, () => {
          stop();
          if (state.stopRetry === stop) state.stopRetry = undefined;
          if (channel.connections.size > 0) void this.#read(appId, channel, topic).catch(() => {});
        });
        state.stopRetry = stop;
      },
    );
    return reading;
  }

  async #readSnapshot(appId: string, topic: StreamTopic): Promise<{ revision: number }> {
    return topic === "flags" ? this.#vault.flags.snapshot(appId) : this.#vault.config.snapshot(appId);
  }

  #release(appId: string, channel: AppChannel): void {
    if (channel.connections.size === 0 && channel.opening === 0) this.#teardown(appId, channel);
  }

  #teardown(appId: string, channel: AppChannel): void {
    for (const unwatch of channel.unwatch) unwatch();
    channel.unwatch.length = 0;
    for (const topic of STREAM_TOPICS) channel.topics[topic].stopRetry?.();
    if (this.#channels.get(appId) === channel) this.#channels.delete(appId);
  }

  #heartbeat(): void {
    for (const channel of this.#channels.values()) for (const stream of channel.connections) stream.heartbeat();
  }
}

export type { AppChannel };
