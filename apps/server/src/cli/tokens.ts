import { parseArgs } from "node:util";
import { call, connect, type JsonBody, parseJson, printJson, readAll, type Stdin, usage } from "./remote";

/** `vault tokens …` (see {@link TOKENS_HELP}): tokenization against a running server, over the HTTP API. */
export const TOKENS_HELP = `  vault tokens create [VALUE | -] [--expires-at ISO] [--data JSON] [--token T] [--length N]
  vault tokens read TOKEN | exists TOKEN | update TOKEN [VALUE | -] | upsert TOKEN [VALUE | -]
  vault tokens renew TOKEN --expires-at ISO|never | soft-delete TOKEN | restore TOKEN | delete TOKEN
  vault tokens purge-expired [--soft] | change-password TOKEN | change-password-all
  vault tokens query [--limit N] [--cursor C] [--include-deleted] [--order-by F] [--direction asc|desc] [--count]
    (no value or -: read stdin; TOKEN - reads the token from stdin; passwords only from the environment, never
     arguments: VAULT_TOKEN_PASSWORD, and VAULT_TOKEN_NEW_PASSWORD for the change-password commands)
`;

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
  const { api, appId } = connect(values, env, "tokens");
  const password = env.VAULT_TOKEN_PASSWORD;
  // A header rather than a body field: either way it is never logged. Only the operations that read it get it.
  const header = password === undefined ? undefined : { "x-vault-token-password": password };
  const app = async () => ({ appId: await appId() });
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
  // The data is for the server to judge (an object of JSON values); JSON that does not parse is a usage error.
  const data = () =>
    values.data === undefined ? {} : { data: parseJson(values.data, "--data") as JsonBody<"createToken">["data"] };
  const withExpiry = () => (expiresAt() === undefined ? {} : { expiresAt: expiresAt() });
  let result: unknown;
  switch (command) {
    case "create": {
      const body = {
        value: await valueArg(first),
        ...withExpiry(),
        ...data(),
        ...(values.token === undefined ? {} : { token: values.token }),
        ...(values.length === undefined ? {} : { tokenLength: Number(values.length) }),
      };
      result = await call(api.POST("/v1/apps/{appId}/tokens", { params: { path: await app(), header }, body }));
      break;
    }
    case "read": {
      const body = { token: await tokenArg() };
      result = await call(api.POST("/v1/apps/{appId}/tokens/read", { params: { path: await app(), header }, body }));
      break;
    }
    case "exists": {
      const body = { token: await tokenArg() };
      result = await call(api.POST("/v1/apps/{appId}/tokens/exists", { params: { path: await app() }, body }));
      break;
    }
    case "update":
    case "upsert": {
      if (first === undefined || first === "-") throw usage(`tokens ${command}: needs TOKEN (and VALUE or -)`);
      const body = { token: first, value: await valueArg(second), ...withExpiry(), ...data() };
      const init = { params: { path: await app(), header }, body };
      result =
        command === "update"
          ? await call(api.POST("/v1/apps/{appId}/tokens/update", init))
          : await call(api.POST("/v1/apps/{appId}/tokens/upsert", init));
      break;
    }
    case "renew": {
      const until = expiresAt();
      if (until === undefined) throw usage("tokens renew: needs --expires-at ISO|never");
      const body = { token: await tokenArg(), expiresAt: until };
      result = await call(api.POST("/v1/apps/{appId}/tokens/renew", { params: { path: await app() }, body }));
      break;
    }
    case "soft-delete":
    case "restore":
    case "delete": {
      const init = { params: { path: await app() }, body: { token: await tokenArg() } };
      result = await call(
        command === "soft-delete"
          ? api.POST("/v1/apps/{appId}/tokens/soft-delete", init)
          : command === "restore"
            ? api.POST("/v1/apps/{appId}/tokens/restore", init)
            : api.POST("/v1/apps/{appId}/tokens/delete", init),
      );
      break;
    }
    case "purge-expired":
      result = await call(
        api.POST("/v1/apps/{appId}/tokens/purge-expired", {
          params: { path: await app() },
          body: { soft: values.soft === true },
        }),
      );
      break;
    case "change-password": {
      const body = {
        token: await tokenArg(),
        oldPassword: password ?? null,
        newPassword: env.VAULT_TOKEN_NEW_PASSWORD ?? null,
      };
      result = await call(api.POST("/v1/apps/{appId}/tokens/change-password", { params: { path: await app() }, body }));
      break;
    }
    case "change-password-all": {
      const newPassword = env.VAULT_TOKEN_NEW_PASSWORD;
      if (password === undefined || newPassword === undefined) {
        throw usage("tokens change-password-all: set VAULT_TOKEN_PASSWORD and VAULT_TOKEN_NEW_PASSWORD");
      }
      result = await call(
        api.POST("/v1/apps/{appId}/tokens/change-password-all", {
          params: { path: await app() },
          body: { oldPassword: password, newPassword },
        }),
      );
      break;
    }
    case "query": {
      // The order and direction are for the server to judge (a 400 that names the ones it takes).
      const body = {
        ...(values.limit === undefined ? {} : { limit: Number(values.limit) }),
        ...(values.cursor === undefined ? {} : { cursor: values.cursor }),
        ...(values["include-deleted"] ? { includeDeleted: true } : {}),
        ...(values["order-by"] === undefined ? {} : { orderBy: values["order-by"] }),
        ...(values.direction === undefined ? {} : { direction: values.direction }),
        ...(values.count ? { countOnly: true } : {}),
      } as JsonBody<"queryTokens">;
      result = await call(api.POST("/v1/apps/{appId}/tokens/query", { params: { path: await app() }, body }));
      break;
    }
    default:
      throw usage(`tokens ${command ?? ""}: unknown command\n${TOKENS_HELP}`);
  }
  printJson(result);
}
