import { parseArgs } from "node:util";
import { connect, jsonArg, query, type Stdin, usage } from "./remote";

/** `vault segments …` (see {@link SEGMENTS_HELP}): an app's segments, over the HTTP API. */
export const SEGMENTS_HELP = `  vault segments list [--prefix P] | get KEY | delete KEY [--cas N]
  vault segments create KEY --constraints JSON|- [--description D]
  vault segments update KEY [--constraints JSON|-] [--description D] [--cas N]
    (constraints: a JSON list of { attribute, operator, values?, inverted?, caseInsensitive? }; - reads stdin)
`;

/** Run `vault segments <argv…>`; prints the answer as JSON. */
export async function runSegmentsCli(
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
      prefix: { type: "string" },
      constraints: { type: "string" },
      description: { type: "string" },
      cas: { type: "string" },
      limit: { type: "string" },
      cursor: { type: "string" },
    },
  });
  const [command, segmentKey] = positionals;
  const remote = connect(values, env, "segments");
  const one = async () => {
    if (!segmentKey) throw usage(`segments ${command}: needs KEY`);
    return `${await remote.appBase()}/segments/${encodeURIComponent(segmentKey)}`;
  };
  const cas = values.cas === undefined ? undefined : Number(values.cas);
  let result: unknown;
  switch (command) {
    case "list":
      result = await remote.call(
        "GET",
        `${await remote.appBase()}/segments${query({ prefix: values.prefix, limit: values.limit, cursor: values.cursor })}`,
      );
      break;
    case "get":
      result = await remote.call("GET", await one());
      break;
    case "create": {
      if (!segmentKey) throw usage("segments create: needs KEY");
      if (values.constraints === undefined) throw usage("segments create: needs --constraints JSON (or - for stdin)");
      result = await remote.call("POST", `${await remote.appBase()}/segments`, {
        key: segmentKey,
        constraints: await jsonArg(values.constraints, "--constraints", stdin),
        ...(values.description === undefined ? {} : { description: values.description }),
      });
      break;
    }
    case "update":
      result = await remote.call("PATCH", await one(), {
        ...(values.constraints === undefined
          ? {}
          : { constraints: await jsonArg(values.constraints, "--constraints", stdin) }),
        ...(values.description === undefined ? {} : { description: values.description }),
        ...(cas === undefined ? {} : { cas }),
      });
      break;
    case "delete":
      result = await remote.call("DELETE", `${await one()}${query({ cas })}`);
      break;
    default:
      throw usage(`segments ${command ?? ""}: unknown command\n${SEGMENTS_HELP}`);
  }
  if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
