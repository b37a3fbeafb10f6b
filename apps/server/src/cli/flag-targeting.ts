import { parseArgs } from "node:util";
import { call, connect, type JsonBody, jsonArg, numberArg, printJson, type Stdin, usage } from "./remote";

/** The `vault flags …` commands of flag targeting (the others are in cli.ts). */
export const FLAG_TARGETING_COMMANDS = new Set(["rules", "user-overrides", "user-override", "usage", "stale"]);

export const FLAG_TARGETING_HELP = `  vault flags rules KEY                         print a flag's rules (with their constraints and segments)
  vault flags rules KEY --set JSON|- [--cas N]  replace them (a JSON list of rules; - reads stdin)
  vault flags user-overrides KEY | user-override KEY USER JSON | user-override KEY USER --delete
  vault flags usage [KEY] [--days N]            evaluations per flag and variant (default: the last 30 days)
  vault flags stale [--days N]                  flags not evaluated, or serving one value to all, for N days
`;

/** Run `vault flags <rules|user-overrides|user-override> …`; prints the answer as JSON. */
export async function runFlagTargetingCli(
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
      set: { type: "string" },
      cas: { type: "string" },
      delete: { type: "boolean" },
      days: { type: "string" },
      limit: { type: "string" },
      cursor: { type: "string" },
    },
  });
  const [command, flagKey, userId, value] = positionals;
  const { api, appId } = connect(values, env, `flags ${command}`);
  const days = numberArg(values.days);
  if (command === "usage" || command === "stale") {
    const path = { appId: await appId() };
    const answer =
      command === "usage"
        ? await call(api.GET("/v1/apps/{appId}/flag-usage", { params: { path, query: { days, flagKey } } }))
        : await call(api.GET("/v1/apps/{appId}/stale-flags", { params: { path, query: { days } } }));
    printJson(answer.items);
    return;
  }
  if (!flagKey) throw usage(`flags ${command}: needs KEY`);
  const flag = async () => ({ appId: await appId(), key: flagKey });
  let result: unknown;
  switch (command) {
    case "rules": {
      if (values.set === undefined) {
        result = (await call(api.GET("/v1/apps/{appId}/flags/{key}", { params: { path: await flag() } }))).rules;
        break;
      }
      // Rules are for the server to judge: a bad one is its 400, which names the field.
      const rules = (await jsonArg(values.set, "--set", stdin)) as JsonBody<"setFlagRules">["rules"];
      const cas = numberArg(values.cas);
      result = await call(
        api.PUT("/v1/apps/{appId}/flags/{key}/rules", {
          params: { path: await flag() },
          body: { rules, ...(cas === undefined ? {} : { cas }) },
        }),
      );
      break;
    }
    case "user-overrides":
      result = await call(
        api.GET("/v1/apps/{appId}/flags/{key}/user-overrides", {
          params: { path: await flag(), query: { limit: numberArg(values.limit), cursor: values.cursor } },
        }),
      );
      break;
    case "user-override": {
      if (!userId) throw usage("flags user-override: needs KEY USER (and JSON, or --delete)");
      const path = { ...(await flag()), userId };
      if (values.delete) {
        result = await call(api.DELETE("/v1/apps/{appId}/flags/{key}/user-overrides/{userId}", { params: { path } }));
      } else if (value === undefined) {
        throw usage("flags user-override: needs JSON (the user's value) or --delete");
      } else {
        const body = { value: (await jsonArg(value, "the value", stdin)) as JsonBody<"setFlagUserOverride">["value"] };
        result = await call(
          api.PUT("/v1/apps/{appId}/flags/{key}/user-overrides/{userId}", { params: { path }, body }),
        );
      }
      break;
    }
    default:
      throw usage(`flags ${command}: unknown command\n${FLAG_TARGETING_HELP}`);
  }
  printJson(result);
}
