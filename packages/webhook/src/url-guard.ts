import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { VaultError } from "@vault/core";
import ipaddr from "ipaddr.js";

/**
 * Where webhooks may go (SSRF safety). By default only public unicast addresses: private (RFC 1918, unique-local),
 * loopback, link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254), carrier-grade NAT (100.64/10, Alibaba's
 * metadata), reserved, multicast, unspecified and the IPv6 ranges that embed IPv4 (6to4, Teredo, NAT64) are refused.
 */
export interface UrlPolicy {
  /** Allow 127.0.0.0/8 and ::1 (default false: a test or a local receiver needs it). */
  allowLoopback?: boolean;
  /** CIDR blocks allowed whatever their range, e.g. `["10.20.0.0/16"]` for receivers inside your network. */
  allowedNetworks?: string[];
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Checks webhook URLs when they are saved and every address a delivery connects to. */
export class UrlGuard {
  readonly #allowLoopback: boolean;
  readonly #allowed: Array<[Address, number]>;

  constructor(policy: UrlPolicy = {}) {
    this.#allowLoopback = policy.allowLoopback ?? false;
    this.#allowed = (policy.allowedNetworks ?? []).map((cidr) => {
      try {
        return ipaddr.parseCIDR(cidr);
      } catch (cause) {
        throw new VaultError("VALIDATION", `allowed network "${cidr}" is not a CIDR block (like 10.0.0.0/8)`, {
          details: { field: "allowedNetworks", value: cidr },
          cause,
        });
      }
    });
  }

  /** Why `address` is refused, or undefined when it is allowed. */
  refusal(address: string): string | undefined {
    if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
    // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) into the IPv4 address it carries.
    const ip = ipaddr.process(address);
    if (this.#allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return undefined;
    const range = ip.range();
    if (range === "unicast") return undefined;
    if (range === "loopback" && this.#allowLoopback) return undefined;
    return `${ip.toString()} is a ${range} address`;
  }

  /**
   * Check a URL before it is saved: http or https, no credentials in it, and a host whose every address is allowed
   * (an IP literal is checked as it is; a name is resolved now — and again at every delivery, see {@link lookup}).
   */
  async checkUrl(url: string): Promise<URL> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalidUrl("is not a valid URL");
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw invalidUrl("must be http or https");
    if (parsed.username !== "" || parsed.password !== "") {
      throw invalidUrl("must not carry credentials (they would be stored and shown with the URL)");
    }
    const host = bareHost(parsed.hostname);
    if (ipaddr.isValid(host)) {
      const refused = this.refusal(host);
      if (refused) throw refusedUrl(host, refused);
      return parsed;
    }
    const addresses = await resolve(host).catch((cause: unknown) => {
      throw new VaultError("VALIDATION", `webhook url: host "${host}" does not resolve`, {
        details: { field: "url", host },
        cause,
      });
    });
    for (const { address } of addresses) {
      const refused = this.refusal(address);
      if (refused) throw refusedUrl(host, `${host} resolves to ${refused}`);
    }
    return parsed;
  }

  /**
   * A DNS lookup for the HTTP client that refuses disallowed addresses at connect time: a name that resolved to a
   * public address when it was saved and to a private one now (DNS rebinding) cannot reach the private one.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      for (const { address } of list) {
        const refused = this.refusal(address);
        if (refused) {
          const denied = Object.assign(new Error(`address refused: ${hostname} resolves to ${refused}`), {
            code: "EADDRREFUSED",
          });
          return callback(denied, "", 0);
        }
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

function resolve(host: string): Promise<LookupAddress[]> {
  return new Promise((done, fail) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? fail(error) : done(addresses))),
  );
}

// Errors name the host, never the whole URL: receivers often put a token in the path or the query.
function invalidUrl(problem: string): VaultError {
  return new VaultError("VALIDATION", `webhook url ${problem}`, { details: { field: "url" } });
}

function refusedUrl(host: string, reason: string): VaultError {
  return new VaultError(
    "VALIDATION",
    `webhook url refused: ${reason}; webhooks go to public addresses only, unless the server's allowlist names the network`,
    { details: { field: "url", host, reason } },
  );
}
