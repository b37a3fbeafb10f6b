// The HTTP side shared by every remote command of the `vault` CLI: the typed @vault/client API built from --url/VAULT_URL,
// --key/VAULT_API_KEY and --app/VAULT_APP (default: the key's app), and the one place that turns the server's refusals
// and an unreachable server into the CLI's error message (`vault: 404 NOT_FOUND: …`, exit code 1; see main()).
import { createVaultApi, isVaultApiError, type operations, unwrap, type VaultApi } from "@vault/client/api";

export type Stdin = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

/** A failure the CLI reports as `vault: <message>` with exit code 1: bad usage, a refusal, an unreachable server. */
export class CliError extends Error {
  override readonly name = "CliError";
}

export function usage(message: string): CliError {
  return new CliError(`usage: vault ${message}`);
}

export interface Remote {
  /** The typed client: paths, parameters and bodies checked against the server's OpenAPI document. */
  readonly api: VaultApi;
  /** The app the command acts on: --app / VAULT_APP, else the key's own (asked once from /v1/whoami). */
  appId(): Promise<string>;
}

export const DEFAULT_URL = "http://127.0.0.1:8200";

/** The client for a remote command; `what` names the command in the usage error when no key is given. */
export function connect(
  values: { url?: string; key?: string; app?: string },
  env: Record<string, string | undefined>,
  what: string,
): Remote {
  const url = values.url ?? env.VAULT_URL ?? DEFAULT_URL;
  const key = values.key ?? env.VAULT_API_KEY;
  if (!key) throw usage(`${what}: needs --key or VAULT_API_KEY`);
  const api = createVaultApi({ url, apiKey: key });
  api.use({
    // fetch's own "fetch failed" names neither the server nor the cause (refused, unknown host, TLS).
    onError({ error }) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      return new CliError(`cannot reach the server at ${url}: ${why}`);
    },
  });
  let appId = values.app ?? env.VAULT_APP;
  return {
    api,
    async appId() {
      appId ??= (await call(api.GET("/v1/whoami"))).appId;
      return appId;
    },
  };
}

/**
 * The JSON body an operation takes, by its operationId: what a command builds from its arguments when the server, not
 * the CLI, judges the values (an unknown flag type or scope is the server's 400, which names it).
 */
export type JsonBody<Op extends keyof operations> =
  NonNullable<operations[Op]["requestBody"]> extends { content: { "application/json": infer B } } ? B : never;

/** The query parameters an operation takes, by its operationId. */
export type Query<Op extends keyof operations> = NonNullable<operations[Op]["parameters"]["query"]>;

/** What every call of the typed client resolves to, reduced to what {@link call} reads. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The success body of a call (undefined for an empty answer), or the server's refusal thrown as the CLI's error:
 * `<status> <code>: <message>`, e.g. `409 CONFLICT: segment "x" is at version 2, not 1`.
 */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  return bodyOf(await pending);
}

/** As {@link call}, with the answer itself: for what comes in headers (a blob's metadata). */
export async function callWithResponse<T>(pending: Promise<Answer<T>>): Promise<{ data: T; response: Response }> {
  const answer = await pending;
  return { data: bodyOf(answer), response: answer.response };
}

function bodyOf<T>(answer: Answer<T>): T {
  try {
    return unwrap(answer);
  } catch (error) {
    if (!isVaultApiError(error)) throw error;
    // The server's own failure: its request id finds the log lines (the envelope asks the caller to quote it).
    const quote = error.status >= 500 && error.requestId ? ` (request id ${error.requestId})` : "";
    throw new CliError(`${error.status} ${error.code}: ${error.message}${quote}`);
  }
}

/** Print an answer as the CLI does: indented JSON on stdout; nothing for an empty answer (a 204). */
export function printJson(
  result: unknown,
  out: (chunk: string) => void = (chunk) => process.stdout.write(chunk),
): void {
  if (result !== undefined) out(`${JSON.stringify(result, null, 2)}\n`);
}

/** Everything on standard input, as bytes. */
export async function readBytes(stdin: Stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Everything on standard input as text, without one trailing newline (as `echo` or a here-string adds). */
export async function readAll(stdin: Stdin): Promise<string> {
  return (await readBytes(stdin)).toString("utf8").replace(/\r?\n$/, "");
}

/** A JSON argument, or standard input when it is `-`; a usage error names the option when it is not JSON. */
export async function jsonArg(text: string, what: string, stdin: Stdin): Promise<unknown> {
  return parseJson(text === "-" ? await readAll(stdin) : text, what);
}

/** A JSON argument; a usage error names the option when it is not JSON. */
export function parseJson(source: string, what: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    throw usage(`${what}: not JSON: ${source.length > 80 ? `${source.slice(0, 80)}…` : source}`);
  }
}

/** A number option as the server should see it: absent stays absent; anything else is for the server to judge. */
export function numberArg(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}
