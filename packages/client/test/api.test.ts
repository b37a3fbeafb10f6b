import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createVaultApi, isVaultApiError, unwrap, VaultApiError } from "../src/api";

/** A fetch that records each request and answers with `answer`. */
function recordingFetch(answer: () => Response) {
  const requests: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return answer();
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("createVaultApi", () => {
  it("sends the key as a bearer token, trims the base URL and percent-encodes path parameters", async () => {
    const { requests, fetch } = recordingFetch(() => json(200, { appId: "shop", key: "limits/max" }));
    const api = createVaultApi({
      url: "http://vault.test/",
      apiKey: "vault_k",
      fetch,
      headers: { "x-request-id": "r1" },
    });
    const result = await api.GET("/v1/apps/{appId}/config/{key}", {
      params: { path: { appId: "shop", key: "limits/max" } },
    });
    expect(result.data).toMatchObject({ key: "limits/max" });
    expect(requests[0]!.url).toBe("http://vault.test/v1/apps/shop/config/limits%2Fmax");
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer vault_k");
    expect(requests[0]!.headers.get("x-request-id")).toBe("r1");
  });

  it("reads a key function on every request (sign in and out) and sends none when it gives nothing", async () => {
    const { requests, fetch } = recordingFetch(() => json(200, { status: "ok" }));
    let key: string | undefined = "vault_first";
    const api = createVaultApi({ url: "http://vault.test", apiKey: () => key, fetch });
    await api.GET("/health");
    key = undefined;
    await api.GET("/health");
    expect(requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer vault_first", null]);
  });

  it("unwrap gives the body of a success and throws the server's envelope as a VaultApiError", async () => {
    const envelope = { error: { code: "NOT_FOUND", message: "no flag x", details: { key: "x" }, requestId: "req_1" } };
    const { fetch } = recordingFetch(() => json(404, envelope));
    const api = createVaultApi({ url: "http://vault.test", apiKey: "k", fetch });
    const failure = await api
      .GET("/v1/apps/{appId}/flags/{key}", { params: { path: { appId: "a", key: "x" } } })
      .then(unwrap)
      .catch((error: unknown) => error);
    expect(isVaultApiError(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 404, code: "NOT_FOUND", message: "no flag x", requestId: "req_1" });
    expect((failure as VaultApiError).details).toEqual({ key: "x" });
    expect(isVaultApiError(new Error("x"))).toBe(false);
    // Not an envelope (a proxy's HTML page): the status still says what happened.
    expect(VaultApiError.fromAnswer(502, "<html>")).toMatchObject({ status: 502, code: "UNAVAILABLE" });
    // An answer to HEAD has no body: the status gives the code, the header the request id.
    const head = recordingFetch(() => new Response(null, { status: 410, headers: { "x-request-id": "req_2" } }));
    const gone = await createVaultApi({ url: "http://vault.test", apiKey: "k", fetch: head.fetch })
      .HEAD("/v1/apps/{appId}/blobs/{purpose}/{id}", { params: { path: { appId: "a", purpose: "p", id: "x" } } })
      .then(unwrap)
      .catch((error: unknown) => error);
    expect(gone).toMatchObject({ status: 410, code: "GONE", requestId: "req_2" });
    const ok = recordingFetch(() => json(200, { status: "ok" }));
    const data = unwrap(await createVaultApi({ url: "http://vault.test", fetch: ok.fetch }).GET("/health"));
    expect(data).toEqual({ status: "ok" });
  });

  it("is browser-safe: the api entry reaches no Node built-in and no package but openapi-fetch", () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      // Type-only imports are erased: they load nothing at run time.
      const text = readFileSync(file, "utf8").replace(/^import type [^;]*;$/gm, "");
      for (const [, spec] of text.matchAll(/(?:from|import\()\s*"([^"]+)"/g)) {
        if (spec!.startsWith(".")) visit(resolve(dirname(file), `${spec}.ts`));
        else bare.add(spec!);
      }
    };
    visit(resolve(import.meta.dirname, "../src/api.ts"));
    expect([...bare]).toEqual(["openapi-fetch"]);
    const dist = resolve(dirname(createRequire(import.meta.url).resolve("openapi-fetch/package.json")), "dist");
    const shipped = readdirSync(dist).filter((name) => name.endsWith(".js") || name.endsWith(".mjs"));
    expect(shipped.length).toBeGreaterThan(0);
    for (const name of shipped) {
      expect(readFileSync(resolve(dist, name), "utf8"), name).not.toMatch(
        /from\s*["'](node:)?(fs|path|http|net)["']|require\(/,
      );
    }
  });
});
