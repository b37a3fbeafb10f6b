import { createParser } from "eventsource-parser";

export interface StreamEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/** Why a stream ended. `blocked`: the answer was not an event stream (a proxy in the way): poll instead. */
export class StreamEnded extends Error {
  constructor(
    message: string,
    readonly kind: "network" | "status" | "blocked" | "closed" | "silent",
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ReadStreamOptions {
  url: string;
  headers: Record<string, string>;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  /** Every event, in order. */
  onEvent(event: StreamEvent): void;
  /** Any bytes (events or heartbeats) arrived. */
  onActivity(): void;
}

/**
 * Read one server-sent-event stream over fetch (so that it can carry an Authorization header, which EventSource
 * cannot) until it ends; always rejects with a {@link StreamEnded} saying why.
 */
export async function readStream(options: ReadStreamOptions): Promise<never> {
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      headers: { ...options.headers, accept: "text/event-stream" },
      signal: options.signal,
    });
  } catch (error) {
    throw new StreamEnded(
      `could not connect: ${(error as Error).message}`,
      options.signal.aborted ? "closed" : "network",
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new StreamEnded(`the server answered ${response.status}`, "status", response.status);
  }
  if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream") || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new StreamEnded("the answer is not an event stream (a proxy?)", "blocked", response.status);
  }
  const parser = createParser({
    onEvent: (message) => options.onEvent({ event: message.event ?? "message", id: message.id, data: message.data }),
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      options.onActivity();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (options.signal.aborted) throw new StreamEnded("closed", "closed");
    throw new StreamEnded(`the stream broke: ${(error as Error).message}`, "network");
  }
  throw new StreamEnded("the server ended the stream", "network");
}
