import { parseArgs } from "node:util";
import { connect, jsonArg, query, type Stdin, usage } from "./remote";

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
  const remote = connect(values, env, `flags ${command}`);
  if (command === "usage" || command === "stale") {
    const path = command === "usage" ? "flag-usage" : "stale-flags";
    const answer = await remote.call(
      "GET",
      `${await remote.appBase()}/${path}${query({ days: values.days, flagKey })}`,
    );
    process.stdout.write(`${JSON.stringify((answer as { items: unknown }).items, null, 2)}\n`);
    return;
  }
  if (!flagKey) throw usage(`flags ${command}: needs KEY`);
  const flag = async () => `${await remote.appBase()}/flags/${encodeURIComponent(flagKey)}`;
  let result: unknown;
  switch (command) {
    case "rules": {
      if (values.set === undefined) {
        result = ((await remote.call("GET", await flag())) as { rules: unknown }).rules;
        break;
      }
      const rules = await jsonArg(values.set, "--set", stdin);
      const cas = values.cas === undefined ? undefined : Number(values.cas);
      result = await remote.call("PUT", `${await flag()}/rules`, { rules, ...(cas === undefined ? {} : { cas }) });
      break;
    }
    case "user-overrides":
      result = await remote.call(
        "GET",
        `${await flag()}/user-overrides${query({ limit: values.limit, cursor: values.cursor })}`,
      );
      break;
    case "user-override": {
      if (!userId) throw usage("flags user-override: needs KEY USER (and JSON, or --delete)");
      const path = `${await flag()}/user-overrides/${encodeURIComponent(userId)}`;
      if (values.delete) result = await remote.call("DELETE", path);
      else if (value === undefined) throw usage("flags user-override: needs JSON (the user's value) or --delete");
      else result = await remote.call("PUT", path, { value: await jsonArg(value, "the value", stdin) });
      break;
    }
    default:
      throw usage(`flags ${command}: unknown command\n${FLAG_TARGETING_HELP}`);
  }
  if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
