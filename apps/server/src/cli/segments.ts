import { parseArgs } from "node:util";
import { call, connect, type JsonBody, jsonArg, numberArg, printJson, type Stdin, usage } from "./remote";

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
  const { api, appId } = connect(values, env, "segments");
  const one = async () => {
    if (!segmentKey) throw usage(`segments ${command}: needs KEY`);
    return { params: { path: { appId: await appId(), key: segmentKey } } };
  };
  const cas = numberArg(values.cas);
  // Constraints are for the server to judge: a bad one is its 400, which names the field.
  const constraints = async (text: string) =>
    (await jsonArg(text, "--constraints", stdin)) as JsonBody<"defineSegment">["constraints"];
  let result: unknown;
  switch (command) {
    case "list":
      result = await call(
        api.GET("/v1/apps/{appId}/segments", {
          params: {
            path: { appId: await appId() },
            query: { prefix: values.prefix, limit: numberArg(values.limit), cursor: values.cursor },
          },
        }),
      );
      break;
    case "get":
      result = await call(api.GET("/v1/apps/{appId}/segments/{key}", await one()));
      break;
    case "create": {
      if (!segmentKey) throw usage("segments create: needs KEY");
      if (values.constraints === undefined) throw usage("segments create: needs --constraints JSON (or - for stdin)");
      const body = {
        key: segmentKey,
        constraints: await constraints(values.constraints),
        ...(values.description === undefined ? {} : { description: values.description }),
      };
      result = await call(api.POST("/v1/apps/{appId}/segments", { params: { path: { appId: await appId() } }, body }));
      break;
    }
    case "update": {
      const body = {
        ...(values.constraints === undefined ? {} : { constraints: await constraints(values.constraints) }),
        ...(values.description === undefined ? {} : { description: values.description }),
        ...(cas === undefined ? {} : { cas }),
      };
      result = await call(api.PATCH("/v1/apps/{appId}/segments/{key}", { ...(await one()), body }));
      break;
    }
    case "delete": {
      const { params } = await one();
      result = await call(api.DELETE("/v1/apps/{appId}/segments/{key}", { params: { ...params, query: { cas } } }));
      break;
    }
    default:
      throw usage(`segments ${command ?? ""}: unknown command\n${SEGMENTS_HELP}`);
  }
  printJson(result);
}
