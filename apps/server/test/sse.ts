import { createParser } from "eventsource-parser";

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export interface SseStream {
  response: Response;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** Comment lines received (heartbeats). */
  comments: string[];
  /** The next event not yet returned by next() (waits up to `withinMs`; throws when the stream ends first). */
  next(withinMs?: number): Promise<SseEvent>;
  /** Skip events until one of type `event`. */
  nextOf(event: string, withinMs?: number): Promise<SseEvent>;
  /** Resolves when `count` comments have arrived. */
  comment(count: number, withinMs?: number): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Open `GET url` as an event stream with a bearer key (and a Last-Event-ID); parses with eventsource-parser. */
export async function openStream(url: string, key: string, options: { lastEventId?: string } = {}): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${key}`,
      accept: "text/event-stream",
      ...(options.lastEventId === undefined ? {} : { "last-event-id": options.lastEventId }),
    },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const notify = () => {
    const current = wake;
    changed = new Promise<void>((resolve) => {
      wake = resolve;
    });
    current();
  };
  const parser = createParser({
    onEvent: (message) => {
      events.push({ event: message.event ?? "message", id: message.id, data: message.data });
      notify();
    },
    onComment: (comment) => {
      comments.push(comment.trim());
      notify();
    },
  });
  let done = false;
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  })()
    .catch(() => {})
    .finally(() => {
      done = true;
      notify();
    });
  let cursor = 0;
  const waitFor = async <T>(find: () => T | undefined, withinMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (done) throw new Error(`stream ended before ${what}; events: ${JSON.stringify(events.map((e) => e.event))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${withinMs} ms; events: ${JSON.stringify(events)}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([changed, new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
  };
  return {
    response,
    events,
    comments,
    next: (withinMs = 10_000) =>
      waitFor(() => (cursor < events.length ? events[cursor++] : undefined), withinMs, "event"),
    nextOf: (event, withinMs = 10_000) =>
      waitFor(
        () => {
          while (cursor < events.length) {
            const candidate = events[cursor++]!;
            if (candidate.event === event) return candidate;
          }
          return undefined;
        },
        withinMs,
        `a ${event} event`,
      ),
    comment: (count, withinMs = 10_000) =>
      waitFor(() => (comments.length >= count ? comments[count - 1] : undefined), withinMs, `comment ${count}`),
    ended,
    close: () => abort.abort(),
  };
}
