import type { ServerResponse } from "node:http";
import { formatEventId, type StreamPosition, type StreamTopic } from "./event-id";

/** A topic's current snapshot, serialized once for every connection (the same bytes are written to each). */
export interface SerializedSnapshot {
  revision: number;
  /** `data: <snapshot JSON>\n\n`: the event's body, after its per-connection `event:` and `id:` lines. */
  body: Buffer;
}

export function serializeSnapshot(revision: number, snapshot: unknown): SerializedSnapshot {
  // JSON.stringify escapes CR and LF inside strings, so the snapshot is one `data:` line.
  return { revision, body: Buffer.from(`data: ${JSON.stringify(snapshot)}\n\n`) };
}

const HEARTBEAT = Buffer.from(": heartbeat\n\n");

export type DropReason = "slow_client";

/**
 * One client's event stream over a hijacked response. It remembers the revision of each topic the client holds and
 * writes a snapshot only when it is newer, so a resumed client gets nothing twice. Writes never queue without bound:
 * a client still behind by more than `maxBufferedBytes` when the next event is due is dropped (it reconnects and
 * resumes from its last event id).
 */
export class StreamConnection {
  readonly #raw: ServerResponse;
  readonly #topics: ReadonlySet<StreamTopic>;
  readonly #position: StreamPosition;
  readonly #maxBufferedBytes: number;
  readonly #onDrop: (reason: DropReason) => void;
  #closed = false;

  constructor(options: {
    raw: ServerResponse;
    topics: ReadonlySet<StreamTopic>;
    position: StreamPosition;
    maxBufferedBytes: number;
    onDrop: (reason: DropReason) => void;
  }) {
    this.#raw = options.raw;
    this.#topics = options.topics;
    this.#position = { ...options.position };
    this.#maxBufferedBytes = options.maxBufferedBytes;
    this.#onDrop = options.onDrop;
  }

  get closed(): boolean {
    return this.#closed || this.#raw.destroyed;
  }

  /** The client's position now (what its last event id says). */
  get position(): Readonly<StreamPosition> {
    return this.#position;
  }

  /** Send `snapshot` as a `flags` or `config` event if the client may see the topic and does not hold it yet. */
  send(topic: StreamTopic, snapshot: SerializedSnapshot): void {
    if (!this.#topics.has(topic) || snapshot.revision <= this.#position[topic] || !this.#writable()) return;
    this.#position[topic] = snapshot.revision;
    this.#raw.cork();
    this.#raw.write(`event: ${topic}\nid: ${formatEventId(this.#position)}\n`);
    this.#raw.write(snapshot.body);
    this.#raw.uncork();
  }

  /** The end of the initial batch: the client now holds everything there was when it connected. */
  ready(): void {
    // Part of the initial batch, and small: it never counts against the client (only the next event does).
    if (this.closed) return;
    const data = JSON.stringify(Object.fromEntries([...this.#topics].map((t) => [t, this.#position[t]])));
    this.#raw.write(`event: ready\nid: ${formatEventId(this.#position)}\ndata: ${data}\n\n`);
  }

  /** A comment line that keeps proxies from closing an idle connection and lets the client see the server is there. */
  heartbeat(): void {
    if (this.#writable()) this.#raw.write(HEARTBEAT);
  }

  /** End the stream (server shutdown): the client reconnects elsewhere and resumes. */
  end(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#raw.end();
  }

  /** True when the next write may go out; drops the client when it has not taken what it was already sent. */
  #writable(): boolean {
    if (this.closed) return false;
    if (this.#raw.writableLength > this.#maxBufferedBytes) {
      this.#closed = true;
      this.#raw.destroy();
      this.#onDrop("slow_client");
      return false;
    }
    return true;
  }
}
