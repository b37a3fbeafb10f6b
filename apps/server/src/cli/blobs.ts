import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  call,
  callWithResponse,
  connect,
  type JsonBody,
  numberArg,
  printJson,
  readBytes,
  type Stdin,
  usage,
} from "./remote";

/** `vault blobs …` and `vault compliance report` (see {@link BLOBS_HELP}): governed blobs over the HTTP API. */
export const BLOBS_HELP = `  vault blobs put PURPOSE ID [FILE | -] [--expires-at ISO] [--metadata JSON] [--max-retrievals N]
  vault blobs get PURPOSE ID [--out FILE] | head PURPOSE ID | delete PURPOSE ID | list PURPOSE [--limit N] [--cursor C]
  vault blobs policy PURPOSE | policies
  vault blobs set-policy PURPOSE --max-retention-days N --default-ttl-days N [--access owner-only|same-purpose|
    open-retrieve|admin-only] [--allowed-apps a,b] [--granted-keys k1,k2] [--require-identity] [--max-retrievals N]
  vault blobs sweep | sweep-status | shred OWNER | verify-proof [PROOF.json | -] [--content FILE]
  vault compliance report [--from ISO] [--to ISO] [--html] [--out FILE]
    (no FILE or -: bytes from stdin; get writes the bytes to stdout, or to --out and prints the metadata;
     --identity I or VAULT_IDENTITY: the identity you act as; delete prints the proof verify-proof takes)
`;

type Out = (chunk: string | Uint8Array) => void;

/** Run `vault blobs <argv…>` or `vault compliance <argv…>` (`group` says which). */
export async function runBlobsCli(
  group: "blobs" | "compliance",
  argv: string[],
  env: Record<string, string | undefined>,
  stdin: Stdin,
  out: Out = (chunk) => process.stdout.write(chunk),
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: "string" },
      key: { type: "string" },
      app: { type: "string" },
      identity: { type: "string" },
      "expires-at": { type: "string" },
      metadata: { type: "string" },
      "max-retrievals": { type: "string" },
      "max-retention-days": { type: "string" },
      "default-ttl-days": { type: "string" },
      access: { type: "string" },
      "allowed-apps": { type: "string" },
      "granted-keys": { type: "string" },
      "require-identity": { type: "boolean" },
      limit: { type: "string" },
      cursor: { type: "string" },
      out: { type: "string" },
      content: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      html: { type: "boolean" },
    },
  });
  const [command, first, second, third] = positionals;
  const { api, appId } = connect(values, env, group);
  const identity = values.identity ?? env.VAULT_IDENTITY;
  // Who is acting: sent to the operations that read it (the entry ones and the listing).
  const header = identity === undefined ? undefined : { "x-vault-identity": identity };
  const print = (result: unknown) => printJson(result, out);
  const app = async () => ({ appId: await appId() });
  const need = (value: string | undefined, what: string) => {
    if (value === undefined) throw usage(`${group} ${command}: needs ${what}`);
    return value;
  };
  const purpose = async () => ({ ...(await app()), purpose: need(first, "PURPOSE") });
  const entry = async () => ({ ...(await purpose()), id: need(second, "ID") });

  if (group === "compliance") {
    if (command !== "report") throw usage(`compliance ${command ?? ""}: unknown command\n${BLOBS_HELP}`);
    // As text either way: --out writes the server's answer as it came.
    const { data: text } = await callWithResponse(
      api.GET("/v1/apps/{appId}/compliance/report", {
        params: {
          path: await app(),
          query: {
            from: values.from || undefined,
            to: values.to || undefined,
            ...(values.html ? { format: "html" } : {}),
          },
        },
        parseAs: "text",
      }),
    );
    if (values.out) await writeFile(values.out, text);
    else out(values.html ? text : `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    return;
  }

  switch (command) {
    case "put": {
      // Bytes from a file, or stdin: never from the command line (it lands in shell history and `ps`).
      const bytes = third === undefined || third === "-" ? await readBytes(stdin) : await readFile(third);
      return print(
        await call(
          api.PUT("/v1/apps/{appId}/blobs/{purpose}/{id}", {
            params: { path: await entry(), header },
            body: new Blob([bytes]),
            // The bytes as they are (openapi-fetch would JSON-encode the body); metadata, expiry and limit in headers.
            bodySerializer: (body) => body,
            headers: {
              "content-type": "application/octet-stream",
              "x-vault-expires-at": values["expires-at"] || undefined,
              "x-vault-metadata": values.metadata || undefined,
              "x-vault-max-retrievals": values["max-retrievals"] || undefined,
            },
          }),
        ),
      );
    }
    case "get": {
      const { data, response } = await callWithResponse(
        api.GET("/v1/apps/{appId}/blobs/{purpose}/{id}", {
          params: { path: await entry(), header },
          headers: { accept: "application/octet-stream" },
          parseAs: "arrayBuffer",
        }),
      );
      // An empty entry's answer has no body to parse: openapi-fetch gives undefined.
      const bytes = data === undefined ? Buffer.alloc(0) : Buffer.from(data);
      if (!values.out) return out(bytes);
      await writeFile(values.out, bytes, { mode: 0o600 });
      return print(metaOf(response.headers));
    }
    case "head": {
      const { response } = await callWithResponse(
        api.HEAD("/v1/apps/{appId}/blobs/{purpose}/{id}", { params: { path: await entry(), header } }),
      );
      return print(metaOf(response.headers));
    }
    case "delete":
      return print(
        await call(api.DELETE("/v1/apps/{appId}/blobs/{purpose}/{id}", { params: { path: await entry(), header } })),
      );
    case "list":
      return print(
        await call(
          api.GET("/v1/apps/{appId}/blobs/{purpose}", {
            params: {
              path: await purpose(),
              header,
              query: { limit: numberArg(values.limit), cursor: values.cursor || undefined },
            },
          }),
        ),
      );
    case "policy":
      return print(
        await call(api.GET("/v1/apps/{appId}/blob-policies/{purpose}", { params: { path: await purpose() } })),
      );
    case "policies":
      return print(await call(api.GET("/v1/apps/{appId}/blob-policies", { params: { path: await app() } })));
    case "set-policy": {
      const list = (name: "allowed-apps" | "granted-keys") => values[name]?.split(",").filter(Boolean);
      // The server judges the numbers and the access mode (a 400 that names the field).
      const policy = {
        maxRetentionDays: numberArg(values["max-retention-days"]),
        defaultTtlDays: numberArg(values["default-ttl-days"]),
        ...(values.access === undefined ? {} : { access: values.access }),
        ...(list("allowed-apps") === undefined ? {} : { allowedApps: list("allowed-apps") }),
        ...(list("granted-keys") === undefined ? {} : { grantedKeys: list("granted-keys") }),
        ...(values["require-identity"] ? { requireIdentity: true } : {}),
        ...(values["max-retrievals"] === undefined ? {} : { maxRetrievals: numberArg(values["max-retrievals"]) }),
      } as JsonBody<"setBlobPolicy">;
      return print(
        await call(
          api.PUT("/v1/apps/{appId}/blob-policies/{purpose}", { params: { path: await purpose() }, body: policy }),
        ),
      );
    }
    case "sweep":
      return print(await call(api.POST("/v1/apps/{appId}/blobs/sweep", { params: { path: await app() }, body: {} })));
    case "sweep-status":
      return print(await call(api.GET("/v1/apps/{appId}/blobs/sweep", { params: { path: await app() } })));
    case "shred": {
      const owner = first === undefined || first === "-" ? (await readBytes(stdin)).toString("utf8").trim() : first;
      return print(
        await call(api.POST("/v1/apps/{appId}/blobs/shred", { params: { path: await app() }, body: { owner } })),
      );
    }
    case "verify-proof": {
      const text =
        first === undefined || first === "-"
          ? (await readBytes(stdin)).toString("utf8")
          : await readFile(first, "utf8");
      let proof: JsonBody<"verifyBlobProof">["proof"];
      try {
        // The server judges the proof's fields (a 400 that names them).
        proof = JSON.parse(text);
      } catch {
        throw usage("blobs verify-proof: the proof must be the JSON `vault blobs delete` printed");
      }
      const content = values.content === undefined ? undefined : (await readFile(values.content)).toString("base64");
      return print(
        await call(
          api.POST("/v1/apps/{appId}/blobs/verify-proof", {
            params: { path: await app() },
            body: { proof, ...(content === undefined ? {} : { content }) },
          }),
        ),
      );
    }
    default:
      throw usage(`blobs ${command ?? ""}: unknown command\n${BLOBS_HELP}`);
  }
}

/** The metadata a GET or HEAD answer carries in its x-vault-* headers. */
function metaOf(headers: Headers): Record<string, unknown> {
  const left = headers.get("x-vault-retrievals-left");
  return {
    blobId: headers.get("x-vault-blob-id"),
    size: Number(headers.get("x-vault-size")),
    owner: headers.get("x-vault-owner"),
    expiresAt: headers.get("x-vault-expires-at"),
    retrievals: Number(headers.get("x-vault-retrievals")),
    retrievalsLeft: left === null || left === "unlimited" ? null : Number(left),
    metadata: JSON.parse(headers.get("x-vault-metadata") ?? "{}"),
  };
}
