import type { ConfigSnapshot, FlagSnapshot } from "@vault/engine";

/** What the backup file holds: the last snapshots the client had from the server. */
export interface Snapshots {
  flags?: FlagSnapshot;
  config?: ConfigSnapshot;
}

// node:fs is loaded only when a backup file is configured, so that the entry stays loadable in a browser.

/** The snapshots in `path`, or undefined when it is missing or unreadable (the client then waits for the server). */
export async function readBackup(path: string): Promise<Snapshots | undefined> {
  const { readFile } = await import("node:fs/promises");
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Snapshots;
    return typeof parsed === "object" && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Write the snapshots to `path` atomically (a whole file or the previous one, never half), readable by the owner. */
export async function writeBackup(path: string, snapshots: Snapshots): Promise<void> {
  const { rename, writeFile } = await import("node:fs/promises");
  const partial = `${path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  await writeFile(partial, JSON.stringify(snapshots), { mode: 0o600 });
  await rename(partial, path);
}
