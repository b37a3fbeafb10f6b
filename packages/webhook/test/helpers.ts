import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Clock, isVaultError, ManualClock, type VaultErrorCode } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { type EventSink, MemoryAuditSink, type VaultDb, type VaultEvent, withTransaction } from "@vault/store";
import type { TestDatabase } from "@vault/store/testing";
import { OutboxEventSink, WebhookService, type WebhookServiceOptions } from "../src/index";

/** The code a promise rejects with ("no error" when it resolves). */
export async function codeOf(promise: Promise<unknown>): Promise<VaultErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function errorOf(promise: Promise<unknown>): Promise<Error & { code?: string; details?: object }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  if (outcome === undefined) throw new Error("expected the operation to fail");
  return outcome;
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

/**
 * A webhook receiver on loopback: records every request; answers `status` (200 by default), or with `hang` never
 * answers (for timeouts). `respond` decides per request when set.
 */
export class Receiver {
  readonly requests: ReceivedRequest[] = [];
  status = 200;
  hang = false;
  respond: ((request: ReceivedRequest, n: number) => number) | undefined;
  readonly #server: Server;
  readonly #hanging = new Set<ServerResponse>();

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "/" };
        receiver.requests.push(request);
        if (receiver.hang) {
          receiver.#hanging.add(res);
          return;
        }
        res.statusCode = receiver.respond?.(request, receiver.requests.length) ?? receiver.status;
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks`;
  }

  /** Requests with this `webhook-id` header. */
  withId(id: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.headers["webhook-id"] === id);
  }

  async close(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A loopback URL nothing listens on (connection refused): a receiver that is down. */
export async function downUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/down`;
}

/** One keyring per test file: endpoint secrets are sealed under it. */
export const fileKeyring = Keyring.generate();

/**
 * A webhook service on `db` that may deliver to loopback (the tests' receivers), with a clock (a ManualClock at the
 * real time by default, so receivers' timestamp checks pass), a memory audit sink and no retry jitter unless asked.
 */
export function webhookServiceFor(db: VaultDb, options: Partial<WebhookServiceOptions> & { clock?: ManualClock } = {}) {
  const clock = options.clock ?? new ManualClock(Date.now());
  const audit = new MemoryAuditSink();
  const service = new WebhookService({
    db,
    keys: fileKeyring,
    clock,
    audit,
    urlPolicy: { allowLoopback: true },
    random: () => 0.5,
    ...options,
  });
  return { service, clock, audit };
}

/** Write events through the outbox, `perTransaction` to a transaction (as a burst of changes would). */
export async function emitEvents(
  db: VaultDb,
  sink: EventSink,
  events: VaultEvent[],
  perTransaction = 100,
): Promise<void> {
  for (let start = 0; start < events.length; start += perTransaction) {
    await withTransaction(db, async (tx) => {
      for (const event of events.slice(start, start + perTransaction)) await sink.emit(tx, event);
    });
  }
}

export function outbox(clock: Clock): OutboxEventSink {
  return new OutboxEventSink({ clock });
}

/** Run `tick` until it reports no more work (bounded, so a bug cannot hang the test). */
export async function drain(tick: () => Promise<unknown>, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const result = (await tick()) as { claimed?: number } | number | boolean;
    const busy = typeof result === "object" ? (result.claimed ?? 0) > 0 : Boolean(result);
    if (!busy) return;
  }
}

export type { TestDatabase };
