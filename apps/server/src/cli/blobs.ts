import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

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

type Stdin = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;
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
  const url = String(values.url ?? env.VAULT_URL ?? "http://127.0.0.1:8200").replace(/\/$/, "");
  const key = values.key ?? env.VAULT_API_KEY;
  if (!key) throw usage(`${group}: needs --key or VAULT_API_KEY`);
  const identity = values.identity ?? env.VAULT_IDENTITY;
  const call = async (
    method: string,
    path: string,
    body?: { json: unknown } | { bytes: Buffer; headers: Record<string, string> },
    accept?: string,
  ): Promise<Response> => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${key}`,
      ...(identity === undefined ? {} : { "x-vault-identity": identity }),
      ...(accept === undefined ? {} : { accept }),
    };
    let payload: string | Buffer | undefined;
    if (body !== undefined && "json" in body) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.json);
    } else if (body !== undefined) {
      Object.assign(headers, body.headers, { "content-type": "application/octet-stream" });
      payload = body.bytes;
    }
    const response = await fetch(`${url}${path}`, { method, headers, body: payload });
    if (!response.ok) {
      const text = await response.text();
      let error: { code?: string; message?: string } | undefined;
      try {
        error = (JSON.parse(text) as { error?: typeof error }).error;
      } catch {
        error = undefined;
      }
      const fromHeaders = response.headers.get("x-request-id") ?? "";
      throw new Error(`${response.status} ${error?.code ?? ""}: ${error?.message ?? (text || fromHeaders)}`);
    }
    return response;
  };
  const printJson = async (response: Response) => out(`${JSON.stringify(await response.json(), null, 2)}\n`);
  let appId = values.app ?? env.VAULT_APP;
  appId ??= ((await (await call("GET", "/v1/whoami")).json()) as { appId: string }).appId;
  const app = `/v1/apps/${encodeURIComponent(appId)}`;
  const need = (value: string | undefined, what: string) => {
    if (value === undefined) throw usage(`${group} ${command}: needs ${what}`);
    return encodeURIComponent(value);
  };
  const entry = () => `${app}/blobs/${need(first, "PURPOSE")}/${need(second, "ID")}`;

  if (group === "compliance") {
    if (command !== "report") throw usage(`compliance ${command ?? ""}: unknown command\n${BLOBS_HELP}`);
    const query = new URLSearchParams();
    if (values.from) query.set("from", values.from);
    if (values.to) query.set("to", values.to);
    if (values.html) query.set("format", "html");
    const response = await call("GET", `${app}/compliance/report${query.size > 0 ? `?${query}` : ""}`);
    const text = await response.text();
    if (values.out) await writeFile(values.out, text);
    else out(values.html ? text : `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    return;
  }

  switch (command) {
    case "put": {
      // Bytes from a file, or stdin: never from the command line (it lands in shell history and `ps`).
      const bytes = third === undefined || third === "-" ? await readAll(stdin) : await readFile(third);
      const headers: Record<string, string> = {};
      if (values["expires-at"]) headers["x-vault-expires-at"] = values["expires-at"];
      if (values.metadata) headers["x-vault-metadata"] = values.metadata;
      if (values["max-retrievals"]) headers["x-vault-max-retrievals"] = values["max-retrievals"];
      return printJson(await call("PUT", entry(), { bytes, headers }));
    }
    case "get": {
      const response = await call("GET", entry(), undefined, "application/octet-stream");
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!values.out) return out(bytes);
      await writeFile(values.out, bytes, { mode: 0o600 });
      return out(`${JSON.stringify(metaOf(response.headers), null, 2)}\n`);
    }
    case "head":
      return out(`${JSON.stringify(metaOf((await call("HEAD", entry())).headers), null, 2)}\n`);
    case "delete":
      return printJson(await call("DELETE", entry()));
    case "list": {
      const query = new URLSearchParams();
      if (values.limit) query.set("limit", values.limit);
      if (values.cursor) query.set("cursor", values.cursor);
      const path = `${app}/blobs/${need(first, "PURPOSE")}${query.size > 0 ? `?${query}` : ""}`;
      return printJson(await call("GET", path));
    }
    case "policy":
      return printJson(await call("GET", `${app}/blob-policies/${need(first, "PURPOSE")}`));
    case "policies":
      return printJson(await call("GET", `${app}/blob-policies`));
    case "set-policy": {
      const number = (name: "max-retention-days" | "default-ttl-days" | "max-retrievals") =>
        values[name] === undefined ? undefined : Number(values[name]);
      const list = (name: "allowed-apps" | "granted-keys") => values[name]?.split(",").filter(Boolean);
      const policy = {
        maxRetentionDays: number("max-retention-days"),
        defaultTtlDays: number("default-ttl-days"),
        ...(values.access === undefined ? {} : { access: values.access }),
        ...(list("allowed-apps") === undefined ? {} : { allowedApps: list("allowed-apps") }),
        ...(list("granted-keys") === undefined ? {} : { grantedKeys: list("granted-keys") }),
        ...(values["require-identity"] ? { requireIdentity: true } : {}),
        ...(number("max-retrievals") === undefined ? {} : { maxRetrievals: number("max-retrievals") }),
      };
      return printJson(await call("PUT", `${app}/blob-policies/${need(first, "PURPOSE")}`, { json: policy }));
    }
    case "sweep":
      return printJson(await call("POST", `${app}/blobs/sweep`, { json: {} }));
    case "sweep-status":
      return printJson(await call("GET", `${app}/blobs/sweep`));
    case "shred": {
      const owner = first === undefined || first === "-" ? (await readAll(stdin)).toString("utf8").trim() : first;
      return printJson(await call("POST", `${app}/blobs/shred`, { json: { owner } }));
    }
    case "verify-proof": {
      const text =
        first === undefined || first === "-" ? (await readAll(stdin)).toString("utf8") : await readFile(first, "utf8");
      let proof: unknown;
      try {
        proof = JSON.parse(text);
      } catch {
        throw usage("blobs verify-proof: the proof must be the JSON `vault blobs delete` printed");
      }
      const content = values.content === undefined ? undefined : (await readFile(values.content)).toString("base64");
      return printJson(
        await call("POST", `${app}/blobs/verify-proof`, {
          json: { proof, ...(content === undefined ? {} : { content }) },
        }),
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

function usage(message: string): Error {
  return new Error(`usage: vault ${message}`);
}

/** Everything on standard input, as bytes (blobs are binary: nothing is trimmed). */
async function readAll(stdin: Stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
