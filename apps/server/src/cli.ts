import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { Keyring } from "@vault/crypto";
import { migrate, openDatabase } from "@vault/store";
import { generateApiKey } from "./auth/apikeys";
import { BLOBS_HELP, runBlobsCli } from "./cli/blobs";
import { FLAG_TARGETING_COMMANDS, FLAG_TARGETING_HELP, runFlagTargetingCli } from "./cli/flag-targeting";
import { call, connect, type JsonBody, numberArg, printJson, readAll, type Stdin, usage } from "./cli/remote";
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
  stdin: Stdin = process.stdin,
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

type Values = Record<string, string | boolean | undefined>;

/** The commands against a running server that are not in a cli/* module of their own. */
async function remote(
  command: string,
  sub: string | undefined,
  rest: string[],
  values: Values,
  env: Record<string, string | undefined>,
  stdin: Stdin,
): Promise<void> {
  const text = (name: string) => values[name] as string | undefined;
  const { api, appId } = connect({ url: text("url"), key: text("key"), app: text("app") }, env, command);
  const arg = (value: string | undefined, what: string) => {
    if (!value) throw usage(`${command} ${sub}: needs ${what}`);
    return value;
  };
  const json = (value: string | undefined, what: string): unknown => {
    if (value === undefined) throw usage(`${command} ${sub}: needs ${what}`);
    return safeJson(value);
  };
  const app = async () => ({ appId: await appId() });
  let result: unknown;
  switch (`${command} ${sub ?? ""}`.trim()) {
    case "whoami":
      result = await call(api.GET("/v1/whoami"));
      break;
    case "apps list":
      result = await call(api.GET("/v1/apps"));
      break;
    case "apps create":
      result = await call(
        api.POST("/v1/apps", {
          body: { id: rest[0] as string, ...(values.name ? { name: values.name as string } : {}) },
        }),
      );
      break;
    case "apikeys list":
      result = await call(api.GET("/v1/apps/{appId}/api-keys", { params: { path: await app() } }));
      break;
    case "apikeys create":
      result = await call(
        api.POST("/v1/apps/{appId}/api-keys", {
          params: { path: await app() },
          body: {
            name: text("name") as string,
            // The server judges the scope names (a 400 that names the bad one).
            scopes: String(values.scopes ?? "")
              .split(",")
              .filter(Boolean) as JsonBody<"createApiKey">["scopes"],
          },
        }),
      );
      break;
    case "apikeys revoke":
      result = await call(
        api.DELETE("/v1/apps/{appId}/api-keys/{id}", {
          params: { path: { ...(await app()), id: arg(rest[0], "ID") } },
        }),
      );
      break;
    case "secrets get":
      result = await call(
        api.GET("/v1/apps/{appId}/secrets/{key}", {
          params: {
            path: { ...(await app()), key: arg(rest[0], "KEY") },
            query: { version: numberArg(text("version")) },
          },
        }),
      );
      break;
    case "secrets set": {
      const key = arg(rest[0], "KEY");
      // A value on the command line lands in shell history and `ps`: "-" (or no value) reads it from stdin.
      const value = rest[1] === undefined || rest[1] === "-" ? await readAll(stdin) : rest[1];
      result = await call(
        api.PUT("/v1/apps/{appId}/secrets/{key}", { params: { path: { ...(await app()), key } }, body: { value } }),
      );
      break;
    }
    case "secrets list":
      result = await call(
        api.GET("/v1/apps/{appId}/secrets", { params: { path: await app(), query: { prefix: text("prefix") } } }),
      );
      break;
    case "secrets delete":
      result = await call(
        api.DELETE("/v1/apps/{appId}/secrets/{key}", {
          params: { path: { ...(await app()), key: arg(rest[0], "KEY") } },
        }),
      );
      break;
    case "flags list":
      result = await call(api.GET("/v1/apps/{appId}/flags", { params: { path: await app() } }));
      break;
    case "flags get":
      result = await call(
        api.GET("/v1/apps/{appId}/flags/{key}", { params: { path: { ...(await app()), key: arg(rest[0], "KEY") } } }),
      );
      break;
    case "flags set": {
      const defaultValue = json(text("default"), "--default JSON");
      // The server judges the type and the value (a 400 or 422 that names them).
      const body = {
        key: rest[0],
        type: values.type,
        defaultValue,
        ...(values.enabled === undefined ? {} : { enabled: values.enabled === "true" }),
      } as JsonBody<"defineFlag">;
      result = await call(api.POST("/v1/apps/{appId}/flags", { params: { path: await app() }, body }));
      break;
    }
    case "flags evaluate":
      result = await call(
        api.POST("/v1/apps/{appId}/flags/{key}/evaluate", {
          params: { path: { ...(await app()), key: arg(rest[0], "KEY") } },
          body: {
            ...(values.tenant ? { tenantId: text("tenant") } : {}),
            ...(values.user ? { userId: text("user") } : {}),
          },
        }),
      );
      break;
    case "config get":
      result = await call(
        api.GET("/v1/apps/{appId}/config/{key}", { params: { path: { ...(await app()), key: arg(rest[0], "KEY") } } }),
      );
      break;
    case "config set": {
      const key = arg(rest[0], "KEY");
      const value = json(rest[1], "JSON") as JsonBody<"setConfig">["value"];
      result = await call(
        api.PUT("/v1/apps/{appId}/config/{key}", { params: { path: { ...(await app()), key } }, body: { value } }),
      );
      break;
    }
    case "config list":
      result = await call(api.GET("/v1/apps/{appId}/config", { params: { path: await app() } }));
      break;
    case "config resolve":
      result = await call(
        api.GET("/v1/apps/{appId}/config/{key}/resolve", {
          params: { path: { ...(await app()), key: arg(rest[0], "KEY") }, query: { tenantId: text("tenant") } },
        }),
      );
      break;
    case "audit":
      result = await call(
        api.GET("/v1/apps/{appId}/audit", { params: { path: await app(), query: { action: text("action") } } }),
      );
      break;
    case "audit verify":
      result = await call(api.GET("/v1/apps/{appId}/audit/verify", { params: { path: await app() } }));
      break;
    default:
      throw usage(`${command} ${sub ?? ""}: unknown command (vault help)`);
  }
  printJson(result);
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
