import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of a server (the shared Postgres, a Vault server process) that a test can cut, to play an
 * outage without touching the server itself: `stop()` refuses new connections and drops open ones (a stopped or
 * restarting server), `freeze()` keeps connections open but carries no bytes either way (a hung server or a network
 * partition), `start()` and `thaw()` undo them. `hold()` leaves the connections open now dead for good while new
 * ones work (a connection a proxy or NAT keeps open after its peer is gone).
 */
export class TcpProxy {
  readonly #target: { host: string; port: number };
  readonly #pairs = new Set<{ client: Socket; upstream: Socket }>();
  /** Connections held by `hold()`: open, carrying nothing, until `stop()`. */
  readonly #held = new Set<{ client: Socket; upstream: Socket }>();
  #server: Server | undefined;
  #frozen = false;
  port = 0;

  constructor(target: { host: string; port: number }) {
    this.#target = target;
  }

  /** Listen (on the same port as before, after a stop). */
  async start(): Promise<void> {
    const server = createServer((client) => this.#accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  /** Refuse new connections and drop the open ones. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const { client, upstream } of [...this.#pairs, ...this.#held]) {
      client.destroy();
      upstream.destroy();
    }
    this.#pairs.clear();
    this.#held.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Carry no more bytes in either direction; new connections are accepted and left hanging. */
  freeze(): void {
    this.#frozen = true;
    for (const { client, upstream } of this.#pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** The connections open now carry no more bytes, ever, and stay open; new connections work. */
  hold(): void {
    for (const pair of this.#pairs) {
      pair.client.unpipe(pair.upstream);
      pair.upstream.unpipe(pair.client);
      pair.client.pause();
      pair.upstream.pause();
      this.#held.add(pair);
    }
    this.#pairs.clear();
  }

  /** Carry bytes again, on every connection that was frozen. */
  thaw(): void {
    this.#frozen = false;
    for (const pair of this.#pairs) this.#pipe(pair);
  }

  #accept(client: Socket): void {
    const upstream = connect(this.#target.port, this.#target.host);
    const pair = { client, upstream };
    this.#pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.#pairs.delete(pair);
      this.#held.delete(pair);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    if (this.#frozen) {
      client.pause();
      upstream.pause();
    } else this.#pipe(pair);
  }

  #pipe({ client, upstream }: { client: Socket; upstream: Socket }): void {
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
    upstream.resume();
  }
}
