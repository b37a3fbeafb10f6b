import { parseArgs } from "node:util";

/** `vault tokens …` (see {@link TOKENS_HELP}): tokenization against a running server, over the HTTP API. */
export const TOKENS_HELP = `  vault tokens create [VALUE | -] [--expires-at ISO] [--data JSON] [--token T] [--length N]
  vault tokens read TOKEN | exists TOKEN | update TOKEN [VALUE | -] | upsert TOKEN [VALUE | -]
  vault tokens renew TOKEN --expires-at ISO|never | soft-delete TOKEN | restore TOKEN | delete TOKEN
  vault tokens purge-expired [--soft] | change-password TOKEN | change-password-all
  vault tokens query [--limit N] [--cursor C] [--include-deleted] [--order-by F] [--direction asc|desc] [--count]
    (no value or -: read stdin; TOKEN - reads the token from stdin; passwords only from the environment, never
     arguments: VAULT_TOKEN_PASSWORD, and VAULT_TOKEN_NEW_PASSWORD for the change-password commands)
`;

type Stdin = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

/** Run `vault tokens <argv…>`; prints the answer as JSON. */
export async function runTokensCli(
  argv: string[],
  env: Record<string, string | undefined>,
  stdin: Stdin,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: "string" },
      key: { type: "string" },
      app: { type: "string" },
      "expires-at": { type: "string" },
      data: { type: "string" },
      token: { type: "string" },
      length: { type: "string" },
      soft: { type: "boolean" },
      limit: { type: "string" },
      cursor: { type: "string" },
      "include-deleted": { type: "boolean" },
      "order-by": { type: "string" },
      direction: { type: "string" },
      count: { type: "boolean" },
    },
  });
  const [command, first, second] = positionals;
  const url = String(values.url ?? env.VAULT_URL ?? "http://127.0.0.1:8200").replace(/\/$/, "");
  const key = values.key ?? env.VAULT_API_KEY;
  if (!key) throw usage("tokens: needs --key or VAULT_API_KEY");
  const password = env.VAULT_TOKEN_PASSWORD;
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        // A header rather than a body field: either way it is never logged.
        ...(password === undefined ? {} : { "x-vault-token-password": password }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text === "" ? undefined : JSON.parse(text);
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new Error(`${response.status} ${error?.code ?? ""}: ${error?.message ?? text}`);
    }
    return parsed;
  };
  let appId = values.app ?? env.VAULT_APP;
  appId ??= ((await call("GET", "/v1/whoami")) as { appId: string }).appId;
  const base = `/v1/apps/${encodeURIComponent(appId)}/tokens`;
  // A token or value on the command line lands in shell history and `ps`: "-" (or nothing) reads it from stdin.
  const tokenArg = async () => {
    if (first === undefined) throw usage(`tokens ${command}: needs TOKEN (or - for stdin)`);
    return first === "-" ? readAll(stdin) : first;
  };
  const valueArg = async (arg: string | undefined) => (arg === undefined || arg === "-" ? readAll(stdin) : arg);
  const expiresAt = () => {
    const text = values["expires-at"];
    return text === undefined ? undefined : text === "never" ? null : text;
  };
  let result: unknown;
  switch (command) {
    case "create":
      result = await call("POST", base, {
        value: await valueArg(first),
        ...(expiresAt() === undefined ? {} : { expiresAt: expiresAt() }),
        ...(values.data === undefined ? {} : { data: JSON.parse(values.data) }),
        ...(values.token === undefined ? {} : { token: values.token }),
        ...(values.length === undefined ? {} : { tokenLength: Number(values.length) }),
      });
      break;
    case "read":
      result = await call("POST", `${base}/read`, { token: await tokenArg() });
      break;
    case "exists":
      result = await call("POST", `${base}/exists`, { token: await tokenArg() });
      break;
    case "update":
    case "upsert": {
      if (first === undefined || first === "-") throw usage(`tokens ${command}: needs TOKEN (and VALUE or -)`);
      result = await call("POST", `${base}/${command}`, {
        token: first,
        value: await valueArg(second),
        ...(expiresAt() === undefined ? {} : { expiresAt: expiresAt() }),
        ...(values.data === undefined ? {} : { data: JSON.parse(values.data) }),
      });
      break;
    }
    case "renew":
      if (expiresAt() === undefined) throw usage("tokens renew: needs --expires-at ISO|never");
      result = await call("POST", `${base}/renew`, { token: await tokenArg(), expiresAt: expiresAt() });
      break;
    case "soft-delete":
    case "restore":
    case "delete":
      result = await call("POST", `${base}/${command}`, { token: await tokenArg() });
      break;
    case "purge-expired":
      result = await call("POST", `${base}/purge-expired`, { soft: values.soft === true });
      break;
    case "change-password":
      result = await call("POST", `${base}/change-password`, {
        token: await tokenArg(),
        oldPassword: password ?? null,
        newPassword: env.VAULT_TOKEN_NEW_PASSWORD ?? null,
      });
      break;
    case "change-password-all":
      if (password === undefined || env.VAULT_TOKEN_NEW_PASSWORD === undefined) {
        throw usage("tokens change-password-all: set VAULT_TOKEN_PASSWORD and VAULT_TOKEN_NEW_PASSWORD");
      }
      result = await call("POST", `${base}/change-password-all`, {
        oldPassword: password,
        newPassword: env.VAULT_TOKEN_NEW_PASSWORD,
      });
      break;
    case "query":
      result = await call("POST", `${base}/query`, {
        ...(values.limit === undefined ? {} : { limit: Number(values.limit) }),
        ...(values.cursor === undefined ? {} : { cursor: values.cursor }),
        ...(values["include-deleted"] ? { includeDeleted: true } : {}),
        ...(values["order-by"] === undefined ? {} : { orderBy: values["order-by"] }),
        ...(values.direction === undefined ? {} : { direction: values.direction }),
        ...(values.count ? { countOnly: true } : {}),
      });
      break;
    default:
      throw usage(`tokens ${command ?? ""}: unknown command\n${TOKENS_HELP}`);
  }
  if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function usage(message: string): Error {
  return new Error(`usage: vault ${message}`);
}

/** Everything on standard input, without one trailing newline. */
async function readAll(stdin: Stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
