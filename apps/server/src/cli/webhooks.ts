import { parseArgs } from "node:util";
import { connect, query, type Stdin, usage } from "./remote";

/** `vault webhooks …` (see {@link WEBHOOKS_HELP}): an app's webhook endpoints and deliveries, over the HTTP API. */
export const WEBHOOKS_HELP = `  vault webhooks list | get ID | delete ID | event-types
  vault webhooks create URL [--events a,b] [--description D] [--disabled]   (prints the signing secret, once)
  vault webhooks update ID [--endpoint-url URL] [--events a,b] [--description D] [--enabled true|false]
  vault webhooks rotate-secret ID [--overlap-ms N] | test ID
  vault webhooks deliveries ID [--status pending|succeeded|failed] [--event-type T] | delivery ID DELIVERY_ID
  vault webhooks redeliver ID DELIVERY_ID
`;

/** Run `vault webhooks <argv…>`; prints the answer as JSON. */
export async function runWebhooksCli(
  argv: string[],
  env: Record<string, string | undefined>,
  _stdin: Stdin,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: "string" },
      key: { type: "string" },
      app: { type: "string" },
      events: { type: "string" },
      description: { type: "string" },
      disabled: { type: "boolean" },
      enabled: { type: "string" },
      "endpoint-url": { type: "string" },
      "overlap-ms": { type: "string" },
      status: { type: "string" },
      "event-type": { type: "string" },
      limit: { type: "string" },
      cursor: { type: "string" },
    },
  });
  const [command, first, second] = positionals;
  const remote = connect(values, env, "webhooks");
  const base = async () => `${await remote.appBase()}/webhooks`;
  const one = async () => {
    if (!first) throw usage(`webhooks ${command}: needs ID`);
    return `${await base()}/${encodeURIComponent(first)}`;
  };
  const eventTypes = values.events === undefined ? undefined : values.events.split(",").filter(Boolean);
  let result: unknown;
  switch (command) {
    case "list":
      result = await remote.call("GET", `${await base()}${query({ limit: values.limit, cursor: values.cursor })}`);
      break;
    case "event-types":
      result = await remote.call("GET", `${await remote.appBase()}/webhook-event-types`);
      break;
    case "get":
      result = await remote.call("GET", await one());
      break;
    case "create":
      if (!first) throw usage("webhooks create: needs URL");
      result = await remote.call("POST", await base(), {
        url: first,
        ...(eventTypes === undefined ? {} : { eventTypes }),
        ...(values.description === undefined ? {} : { description: values.description }),
        ...(values.disabled ? { enabled: false } : {}),
      });
      break;
    case "update": {
      if (values.enabled !== undefined && values.enabled !== "true" && values.enabled !== "false") {
        throw usage("webhooks update: --enabled takes true or false");
      }
      // `--url` names the server; the endpoint's new URL is `--endpoint-url`.
      result = await remote.call("PATCH", await one(), {
        ...(values["endpoint-url"] === undefined ? {} : { url: values["endpoint-url"] }),
        ...(eventTypes === undefined ? {} : { eventTypes }),
        ...(values.description === undefined ? {} : { description: values.description }),
        ...(values.enabled === undefined ? {} : { enabled: values.enabled === "true" }),
      });
      break;
    }
    case "delete":
      result = await remote.call("DELETE", await one());
      break;
    case "rotate-secret":
      result = await remote.call(
        "POST",
        `${await one()}/rotate-secret`,
        values["overlap-ms"] === undefined ? {} : { overlapMs: Number(values["overlap-ms"]) },
      );
      break;
    case "test":
      result = await remote.call("POST", `${await one()}/test`);
      break;
    case "deliveries":
      result = await remote.call(
        "GET",
        `${await one()}/deliveries${query({
          status: values.status,
          eventType: values["event-type"],
          limit: values.limit,
          cursor: values.cursor,
        })}`,
      );
      break;
    case "delivery":
    case "redeliver": {
      if (!second) throw usage(`webhooks ${command}: needs ID DELIVERY_ID`);
      const path = `${await one()}/deliveries/${encodeURIComponent(second)}`;
      result = command === "delivery" ? await remote.call("GET", path) : await remote.call("POST", `${path}/redeliver`);
      break;
    }
    default:
      throw usage(`webhooks ${command ?? ""}: unknown command\n${WEBHOOKS_HELP}`);
  }
  if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
