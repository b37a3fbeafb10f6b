import { constants } from "node:fs";
import { chmod, lstat, mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { VaultError } from "@vault/core";

/** The file that says which process has an embedded data directory open (as Postgres's own postmaster.pid does). */
export const LOCK_FILE = "vault.pid";

/** A held data directory: `release()` removes the lock file (only if it is still ours). */
export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Take the data directory for this process. PGlite has no locking of its own: two processes on one directory each
 * acknowledge writes, and after a restart one's writes are gone. The lock file is created exclusively and names the
 * holder's pid; a lock whose process is gone (killed with -9) is taken over. Refused with CONFLICT naming the
 * directory and the holder — before anything in the directory is touched.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { release: () => releaseLock(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readHolder(path);
    if (holder !== undefined && isAlive(holder)) {
      throw new VaultError(
        "CONFLICT",
        `the data directory ${dir} is in use by process ${holder}${holder === process.pid ? " (this process)" : ""}: one process per embedded data directory; stop it, or give this one another VAULT_DATA_DIR`,
        { details: { dataDir: dir, pid: holder } },
      );
    }
    // The holder is gone: its lock is stale.
    await rm(path, { force: true });
  }
  throw new VaultError("CONFLICT", `could not take the data directory ${dir}: another process took it meanwhile`, {
    details: { dataDir: dir },
  });
}

async function readHolder(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(path, "utf8")).trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function releaseLock(path: string): Promise<void> {
  if ((await readHolder(path)) === process.pid) await rm(path, { force: true });
}

/**
 * Make the data directory private to this user: the directory 0700 (so nothing in it can be reached by others) and
 * every file in it 0600 — PGlite creates its files world-writable (0666). Returns a warning when it was not private
 * before, for the caller to pass on.
 */
export async function secureDataDir(dir: string): Promise<string | undefined> {
  const loose: string[] = [];
  const visit = async (path: string, depth: number): Promise<void> => {
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) return;
    const wanted = stats.isDirectory() ? 0o700 : 0o600;
    if ((stats.mode & 0o777) !== wanted) {
      if ((stats.mode & 0o077) !== 0 && loose.length < 3) loose.push(path);
      await chmod(path, wanted);
    }
    if (stats.isDirectory() && depth < 8) {
      for (const name of await readdir(path)) await visit(join(path, name), depth + 1);
    }
  };
  await visit(dir, 0);
  if (loose.length === 0) return undefined;
  return `the data directory ${dir} was readable or writable by others (e.g. ${loose.join(", ")}); it is now owner-only (0700, files 0600)`;
}
