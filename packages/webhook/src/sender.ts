import ipaddr from "ipaddr.js";
import { Agent, request } from "undici";
import type { UrlGuard } from "./url-guard";

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** A response's status; the body is read and dropped (never stored: it is the receiver's, not ours). */
export interface WebhookResponse {
  status: number;
}

/** Sends one webhook request. Rejects on a network failure, a refused address or the timeout. */
export interface Sender {
  send(request: WebhookRequest): Promise<WebhookResponse>;
  close(): Promise<void>;
}

/** The User-Agent of every webhook request. */
export const USER_AGENT = "Vault-Webhooks/1";

/**
 * The default sender: undici over keep-alive connections, every connection's DNS answer checked by the URL guard
 * (a refused address never gets a connection), IP-literal hosts checked before the request, no redirects followed
 * (a redirect is a failed attempt: following it would leave the guard behind), and one bound on the whole attempt.
 */
export function undiciSender(guard: UrlGuard, options: { connections?: number } = {}): Sender {
  const agent = new Agent({
    connect: { lookup: guard.lookup },
    connections: options.connections ?? 32,
    keepAliveTimeout: 30_000,
  });
  return {
    async send({ url, headers, body, timeoutMs }) {
      const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
      if (ipaddr.isValid(host)) {
        const refused = guard.refusal(host);
        if (refused) throw Object.assign(new Error(`address refused: ${refused}`), { code: "EADDRREFUSED" });
      }
      const response = await request(url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "user-agent": USER_AGENT },
        body,
        dispatcher: agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain a little of the body so the connection can be reused; a large one is cut off, not read.
      await response.body.dump({ limit: 64 * 1024 }).catch(() => {});
      return { status: response.statusCode };
    },
    close: () => agent.close(),
  };
}

/** A short, value-free description of why an attempt failed, for the delivery log. */
export function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; message?: string; cause?: unknown };
  if (e?.name === "TimeoutError" || e?.code === "UND_ERR_HEADERS_TIMEOUT" || e?.code === "UND_ERR_BODY_TIMEOUT") {
    return `timed out after ${timeoutMs} ms`;
  }
  if (e?.code === "EADDRREFUSED") return String(e.message).slice(0, 300);
  const code = e?.code ?? (e?.cause as { code?: string } | undefined)?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  if (code) return `request failed (${String(code).slice(0, 50)})`;
  return `request failed (${String(e?.name ?? typeof error).slice(0, 50)})`;
}
