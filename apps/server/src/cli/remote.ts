// The HTTP side shared by the targeting commands (`vault segments …`, `vault flags rules …`): one JSON call helper
// and the app's base path, from --url/VAULT_URL, --key/VAULT_API_KEY and --app/VAULT_APP (default: the key's app).

export type Stdin = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

export interface Remote {
  call(method: string, path: string, body?: unknown): Promise<unknown>;
  /** `/v1/apps/<app>` of the chosen app. */
  appBase(): Promise<string>;
}

export function usage(message: string): Error {
  return new Error(`usage: vault ${message}`);
}

export function connect(
  values: { url?: string; key?: string; app?: string },
  env: Record<string, string | undefined>,
  what: string,
): Remote {
  const url = String(values.url ?? env.VAULT_URL ?? "http://127.0.0.1:8200").replace(/\/$/, "");
  const key = values.key ?? env.VAULT_API_KEY;
  if (!key) throw usage(`${what}: needs --key or VAULT_API_KEY`);
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new Error(`${response.status} ${error?.code ?? ""}: ${error?.message ?? text}`);
    }
    return parsed;
  };
  let appId = values.app ?? env.VAULT_APP;
  return {
    call,
    async appBase() {
      appId ??= ((await call("GET", "/v1/whoami")) as { appId: string }).appId;
      return `/v1/apps/${encodeURIComponent(appId)}`;
    },
  };
}

/** Everything on standard input, without one trailing newline. */
export async function readAll(stdin: Stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** A JSON argument, or standard input when it is `-`; a usage error names the option when it is not JSON. */
export async function jsonArg(text: string, what: string, stdin: Stdin): Promise<unknown> {
  const source = text === "-" ? await readAll(stdin) : text;
  try {
    return JSON.parse(source);
  } catch {
    throw usage(`${what}: not JSON: ${source.length > 80 ? `${source.slice(0, 80)}…` : source}`);
  }
}

export function query(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
