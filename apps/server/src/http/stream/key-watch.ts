import type { ServerResponse } from "node:http";
import { apiKeys } from "@vault/store";
import { and, inArray, isNotNull } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Vault } from "../../vault";
import { type Every, realEvery } from "./hub";

export interface StreamKeyWatchOptions {
  /** How often the keys behind open streams are looked up for a revocation made elsewhere (default 5000 ms). */
  checkMs?: number;
  /** The timer behind the checks (default: setInterval, unref'd). Tests pass one they drive by hand. */
  every?: Every;
}

/** Keys per lookup: one query for every open stream's key, in bounded pieces. */
const IDS_PER_QUERY = 1000;

/**
 * The API key behind each open event stream, so that a revoked key stops reading: a stream is authenticated once,
 * when it opens, and would otherwise carry snapshots for as long as its connection lasts. A key revoked through this
 * process ends its streams at once ({@link revoked}); one revoked through another instance, at the next check (one
 * query for all the keys, every `checkMs`). An ended stream's client reconnects and is refused (401).
 */
export class StreamKeyWatch {
  readonly #vault: Vault;
  readonly #log: FastifyBaseLogger;
  readonly #streams = new Map<string, Set<ServerResponse>>();
  readonly #stop: () => void;
  #checking = false;

  constructor(vault: Vault, log: FastifyBaseLogger, options: StreamKeyWatchOptions = {}) {
    this.#vault = vault;
    this.#log = log;
    this.#stop = (options.every ?? realEvery)(options.checkMs ?? 5_000, () => void this.check());
  }

  /** Watch a stream opened with `apiKeyId`; returns the function that stops watching it (when it closes). */
  add(apiKeyId: string, raw: ServerResponse): () => void {
    let streams = this.#streams.get(apiKeyId);
    if (!streams) {
      streams = new Set();
      this.#streams.set(apiKeyId, streams);
    }
    streams.add(raw);
    return () => {
      streams.delete(raw);
      if (streams.size === 0 && this.#streams.get(apiKeyId) === streams) this.#streams.delete(apiKeyId);
    };
  }

  /** End every open stream of a key just revoked. */
  revoked(apiKeyId: string): void {
    const streams = this.#streams.get(apiKeyId);
    if (!streams) return;
    this.#streams.delete(apiKeyId);
    // Destroyed, not ended: the hub sees a closed connection and writes nothing more to it.
    for (const raw of streams) raw.destroy();
    this.#log.info({ apiKeyId, streams: streams.size }, "event streams of a revoked API key ended");
  }

  /** Look up the open streams' keys and end the streams of any revoked since (one check at a time). */
  async check(): Promise<void> {
    if (this.#checking || this.#streams.size === 0) return;
    this.#checking = true;
    try {
      const ids = [...this.#streams.keys()];
      for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
        const rows = await this.#vault.db
          .select({ id: apiKeys.id })
          .from(apiKeys)
          .where(and(inArray(apiKeys.id, ids.slice(start, start + IDS_PER_QUERY)), isNotNull(apiKeys.revokedAt)));
        for (const row of rows) this.revoked(row.id);
      }
    } catch (error) {
      // The database is away: the streams go on (they carry nothing new either) and the next check tries again.
      this.#log.warn({ err: error }, "could not check the API keys of open event streams");
    } finally {
      this.#checking = false;
    }
  }

  close(): void {
    this.#stop();
    this.#streams.clear();
  }
}
