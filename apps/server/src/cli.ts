import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { Keyring } from "@vault/crypto";
import { migrate, openDatabase } from "@vault/store";
import { generateApiKey } from "./auth/apikeys";
import { BLOBS_HELP, runBlobsCli } from "./cli/blobs";
import { FLAG_TARGETING_COMMANDS, FLAG_TARGETING_HELP, runFlagTargetingCli } from "./cli/flag-targeting";
import { runSegmentsCli, SEGMENTS_HELP } from "./cli/segments";
import { runTokensCli, TOKENS_HELP } from "./cli/tokens";
import { runWebhooksCli, WEBHOOKS_HELP } from "./cli/webhooks";
import { writeKeyringFile } from "./keys";
import { serve } from "./serve";
import { loadSettings } from "./settings";

const HELP = `vault — the Vault server and its command line

Server:
  vault serve                          start the HTTP server (settings from the environment; see docs/http-api.md)
  vault migrate                        apply pending database migrations and exit
  vault keys generate [--out FILE]     print (or write, mode 0600) a new keyring for VAULT_KEYRING / a keyring file
  vault keys rotate --file FILE        add a new KEK to a keyring file and make it active (restart, then rewrap)
  vault apikeys generate               print a random key suitable for VAULT_ADMIN_KEY

Against a running server (--url or VAULT_URL, --key or VAULT_API_KEY, --app or VAULT_APP; default: the key's app):
  vault whoami
  vault apps list | apps create ID [--name NAME]
  vault apikeys list | apikeys create --name NAME --scopes a,b | apikeys revoke ID
  vault secrets get KEY [--version N] | set KEY [VALUE | -] (no value or -: read stdin) | list [--prefix P] | delete KEY
  vault flags list | get KEY | set KEY --type bool --default JSON [--enabled true|false] | evaluate KEY [--tenant T] [--user U]
${FLAG_TARGETING_HELP}${SEGMENTS_HELP}  vault config get KEY | set KEY JSON | list | resolve KEY --tenant T
  vault audit [--action A] | audit verify
${TOKENS_HELP}${BLOBS_HELP}${WEBHOOKS_HELP}`;

/** Run the CLI with `argv` (without node and script). No command → `serve` (what `pnpm start` runs). */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  stdin: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<void> {
  if (argv[0] === "tokens") return runTokensCli(argv.slice(1), env, stdin);
  if (argv[0] === "webhooks") return runWebhooksCli(argv.slice(1), env, stdin);
  if (argv[0] === "blobs" || argv[0] === "compliance") return runBlobsCli(argv[0], argv.slice(1), env, stdin);
  if (argv[0] === "segments") return runSegmentsCli(argv.slice(1), env, stdin);
  if (argv[0] === "flags" && FLAG_TARGETING_COMMANDS.has(argv[1] ?? "")) {
    return runFlagTargetingCli(argv.slice(1), env, stdin);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: "string" },
      key: { type: "string" },
      app: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      version: { type: "string" },
      prefix: { type: "string" },
      type: { type: "string" },
      default: { type: "string" },
      enabled: { type: "string" },
      tenant: { type: "string" },
      user: { type: "string" },
      action: { type: "string" },
      out: { type: "string" },
      file: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command = "serve", sub, ...rest] = positionals;
  if (values.help || command === "help") {
    process.stdout.write(HELP);
    return;
  }
  switch (command) {
    case "serve":
      return serve(env);
    case "migrate": {
      const settings = loadSettings(env);
      const database = settings.DATABASE_URL
        ? await openDatabase({ url: settings.DATABASE_URL })
        : await openDatabase({ dataDir: resolve(settings.VAULT_DATA_DIR) });
      try {
        const { applied } = await migrate(database.db);
        process.stdout.write(`vault: ${applied} migration(s) applied\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case "keys": {
      if (sub === "generate") {
        const keyring = Keyring.generate();
        if (values.out) {
          await Keyring.createFile(resolve(values.out)).then(() => {
            process.stdout.write(`vault: wrote a new keyring to ${values.out} (mode 0600)\n`);
          });
        } else {
          process.stdout.write(`${keyring.serialize()}\n`);
        }
        return;
      }
      if (sub === "rotate") {
        if (!values.file) throw usage("keys rotate needs --file FILE");
        const path = resolve(values.file);
        const keyring = Keyring.parse(readFileSync(path, "utf8"), `keyring file ${path}`);
        const id = keyring.add();
        keyring.activate(id);
        await writeKeyringFile(path, keyring);
        process.stdout.write(
          `vault: added KEK ${id} and made it active in ${path}; restart the server, then POST /v1/admin/keks/rewrap\n`,
        );
        return;
      }
      throw usage("keys generate | keys rotate --file FILE");
    }
    case "apikeys":
      if (sub === "generate") {
        process.stdout.write(`${generateApiKey()}\n`);
        return;
      }
      return remote(command, sub, rest, values, env, stdin);
    default:
      return remote(command, sub, rest, values, env, stdin);
  }
}

class UsageError extends Error {}

function usage(message: string): UsageError {
  return new UsageError(`usage: vault ${message}`);
}

type Values = Record<string, string | boolean | undefined>;

async function remote(
  command: string,
  sub: string | undefined,
  rest: string[],
  values: Values,
  env: Record<string, string | undefined>,
  stdin: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
): Promise<void> {
  const url = String(values.url ?? env.VAULT_URL ?? "http://127.0.0.1:8200").replace(/\/$/, "");
  const key = (values.key as string | undefined) ?? env.VAULT_API_KEY;
  if (!key) throw usage(`${command}: needs --key or VAULT_API_KEY`);
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
    const parsed = text === "" ? undefined : safeJson(text);
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new Error(`${response.status} ${error?.code ?? ""}: ${error?.message ?? text}`);
    }
    return parsed;
  };
  let appId = (values.app as string | undefined) ?? env.VAULT_APP;
  const app = async () => {
    appId ??= ((await call("GET", "/v1/whoami")) as { appId: string }).appId;
    return `/v1/apps/${encodeURIComponent(appId)}`;
  };
  const k = (name: string | undefined, what: string) => {
    if (!name) throw usage(`${command} ${sub}: needs ${what}`);
    return encodeURIComponent(name);
  };
  const json = (text: string | undefined, what: string): unknown => {
    if (text === undefined) throw usage(`${command} ${sub}: needs ${what}`);
    return safeJson(text);
  };
  const q = (params: Record<string, unknown>) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
    const text = search.toString();
    return text ? `?${text}` : "";
  };
  let result: unknown;
  switch (`${command} ${sub ?? ""}`.trim()) {
    case "whoami":
      result = await call("GET", "/v1/whoami");
      break;
    case "apps list":
      result = await call("GET", "/v1/apps");
      break;
    case "apps create":
      result = await call("POST", "/v1/apps", { id: rest[0], ...(values.name ? { name: values.name } : {}) });
      break;
    case "apikeys list":
      result = await call("GET", `${await app()}/api-keys`);
      break;
    case "apikeys create":
      result = await call("POST", `${await app()}/api-keys`, {
        name: values.name,
        scopes: String(values.scopes ?? "")
          .split(",")
          .filter(Boolean),
      });
      break;
    case "apikeys revoke":
      result = await call("DELETE", `${await app()}/api-keys/${k(rest[0], "ID")}`);
      break;
    case "secrets get":
      result = await call("GET", `${await app()}/secrets/${k(rest[0], "KEY")}${q({ version: values.version })}`);
      break;
    case "secrets set": {
      // A value on the command line lands in shell history and `ps`: "-" (or no value) reads it from stdin.
      const value = rest[1] === undefined || rest[1] === "-" ? await readAll(stdin) : rest[1];
      result = await call("PUT", `${await app()}/secrets/${k(rest[0], "KEY")}`, { value });
      break;
    }
    case "secrets list":
      result = await call("GET", `${await app()}/secrets${q({ prefix: values.prefix })}`);
      break;
    case "secrets delete":
      result = await call("DELETE", `${await app()}/secrets/${k(rest[0], "KEY")}`);
      break;
    case "flags list":
      result = await call("GET", `${await app()}/flags`);
      break;
    case "flags get":
      result = await call("GET", `${await app()}/flags/${k(rest[0], "KEY")}`);
      break;
    case "flags set":
      result = await call("POST", `${await app()}/flags`, {
        key: rest[0],
        type: values.type,
        defaultValue: json(values.default as string | undefined, "--default JSON"),
        ...(values.enabled === undefined ? {} : { enabled: values.enabled === "true" }),
      });
      break;
    case "flags evaluate":
      result = await call("POST", `${await app()}/flags/${k(rest[0], "KEY")}/evaluate`, {
        ...(values.tenant ? { tenantId: values.tenant } : {}),
        ...(values.user ? { userId: values.user } : {}),
      });
      break;
    case "config get":
      result = await call("GET", `${await app()}/config/${k(rest[0], "KEY")}`);
      break;
    case "config set":
      result = await call("PUT", `${await app()}/config/${k(rest[0], "KEY")}`, { value: json(rest[1], "JSON") });
      break;
    case "config list":
      result = await call("GET", `${await app()}/config`);
      break;
    case "config resolve":
      result = await call("GET", `${await app()}/config/${k(rest[0], "KEY")}/resolve${q({ tenantId: values.tenant })}`);
      break;
    case "audit":
      result = await call("GET", `${await app()}/audit${q({ action: values.action })}`);
      break;
    case "audit verify":
      result = await call("GET", `${await app()}/audit/verify`);
      break;
    default:
      throw usage(`${command} ${sub ?? ""}: unknown command (vault help)`);
  }
  if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Entry point for the bin: runs the CLI and turns errors into a message and exit code 1. */
export async function main(): Promise<void> {
  try {
    await runCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`vault: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

/** Everything on standard input, without one trailing newline (as `echo` or a here-string adds). */
async function readAll(stdin: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
