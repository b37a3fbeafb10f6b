import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../../..");

/** What `pnpm start` and the README's start command run: the server in the node process they start, no wrapper. */
export const START_ARGS = ["--conditions=@vault/source", "--import", "tsx", "apps/server/src/main.ts"];

export interface Spawned {
  child: ChildProcess;
  url: string;
  adminKey: string | undefined;
  output: () => string;
  exit: Promise<number | null>;
  /** The signal that ended the process, if one did. */
  exitSignal: Promise<NodeJS.Signals | null>;
}

/**
 * Start the server as a real process (from source, as `pnpm start` does) on a random port; resolves once it has
 * printed its start lines (URL, and the admin key on a first start — one write to stderr).
 */
export async function spawnServer(env: Record<string, string>, args: string[] = []): Promise<Spawned> {
  const child = spawn(process.execPath, [...START_ARGS, ...args], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      VAULT_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const collect = (chunk: unknown) => {
    out += String(chunk);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on("exit", (code, signal) => done({ code, signal })),
  );
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 90_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stderr!.on("data", check);
    void ended.then(({ code }) => fail(new Error(`server exited with ${code}:\n${out}`)));
  });
  const adminKey = /admin key: (vault_[A-Za-z0-9_-]{43})/.exec(out)?.[1];
  return {
    child,
    url,
    adminKey,
    output: () => out,
    exit: ended.then(({ code }) => code),
    exitSignal: ended.then(({ signal }) => signal),
  };
}

/** One API call with a bearer key; resolves to status and parsed body (network errors reject). */
export async function api(base: string, key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
}
