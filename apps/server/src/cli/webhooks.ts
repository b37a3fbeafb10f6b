import { parseArgs } from "node:util";
import { call, connect, numberArg, printJson, type Query, type Stdin, usage } from "./remote";

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
  const { api, appId } = connect(values, env, "webhooks");
  const app = async () => ({ appId: await appId() });
  const one = async () => {
    if (!first) throw usage(`webhooks ${command}: needs ID`);
    return { appId: await appId(), webhookId: first };
  };
  const delivery = async () => {
    if (!second) throw usage(`webhooks ${command}: needs ID DELIVERY_ID`);
    return { ...(await one()), deliveryId: second };
  };
  const eventTypes = values.events === undefined ? undefined : values.events.split(",").filter(Boolean);
  let result: unknown;
  switch (command) {
    case "list":
      result = await call(
        api.GET("/v1/apps/{appId}/webhooks", {
          params: { path: await app(), query: { limit: numberArg(values.limit), cursor: values.cursor } },
        }),
      );
      break;
    case "event-types":
      result = await call(api.GET("/v1/apps/{appId}/webhook-event-types", { params: { path: await app() } }));
      break;
    case "get":
      result = await call(api.GET("/v1/apps/{appId}/webhooks/{webhookId}", { params: { path: await one() } }));
      break;
    case "create": {
      if (!first) throw usage("webhooks create: needs URL");
      const body = {
        url: first,
        ...(eventTypes === undefined ? {} : { eventTypes }),
        ...(values.description === undefined ? {} : { description: values.description }),
        ...(values.disabled ? { enabled: false } : {}),
      };
      result = await call(api.POST("/v1/apps/{appId}/webhooks", { params: { path: await app() }, body }));
      break;
    }
    case "update": {
      if (values.enabled !== undefined && values.enabled !== "true" && values.enabled !== "false") {
        throw usage("webhooks update: --enabled takes true or false");
      }
      // `--url` names the server; the endpoint's new URL is `--endpoint-url`.
      const body = {
        ...(values["endpoint-url"] === undefined ? {} : { url: values["endpoint-url"] }),
        ...(eventTypes === undefined ? {} : { eventTypes }),
        ...(values.description === undefined ? {} : { description: values.description }),
        ...(values.enabled === undefined ? {} : { enabled: values.enabled === "true" }),
      };
      result = await call(api.PATCH("/v1/apps/{appId}/webhooks/{webhookId}", { params: { path: await one() }, body }));
      break;
    }
    case "delete":
      result = await call(api.DELETE("/v1/apps/{appId}/webhooks/{webhookId}", { params: { path: await one() } }));
      break;
    case "rotate-secret": {
      const overlapMs = numberArg(values["overlap-ms"]);
      result = await call(
        api.POST("/v1/apps/{appId}/webhooks/{webhookId}/rotate-secret", {
          params: { path: await one() },
          body: overlapMs === undefined ? {} : { overlapMs },
        }),
      );
      break;
    }
    case "test":
      result = await call(api.POST("/v1/apps/{appId}/webhooks/{webhookId}/test", { params: { path: await one() } }));
      break;
    case "deliveries":
      result = await call(
        api.GET("/v1/apps/{appId}/webhooks/{webhookId}/deliveries", {
          params: {
            path: await one(),
            query: {
              // The server judges the status (a 400 that names the ones it takes).
              status: values.status as Query<"listWebhookDeliveries">["status"],
              eventType: values["event-type"],
              limit: numberArg(values.limit),
              cursor: values.cursor,
            },
          },
        }),
      );
      break;
    case "delivery":
      result = await call(
        api.GET("/v1/apps/{appId}/webhooks/{webhookId}/deliveries/{deliveryId}", {
          params: { path: await delivery() },
        }),
      );
      break;
    case "redeliver":
      result = await call(
        api.POST("/v1/apps/{appId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", {
          params: { path: await delivery() },
        }),
      );
      break;
    default:
      throw usage(`webhooks ${command ?? ""}: unknown command\n${WEBHOOKS_HELP}`);
  }
  printJson(result);
}
