import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../src/data-dir";
import { openDatabase } from "../src/index";

// The embedded default's data directory: one process at a time, and private to its user. (PGlite only; this runs in
// both suites since it needs no shared database.)
describe("embedded data directory", () => {
  const dirs: string[] = [];
  const fresh = (mode = 0o755) => {
    const dir = mkdtempSync(join(tmpdir(), "vault-datadir-"));
    chmodSync(dir, mode);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("is refused to a second opener, in this process or another, naming the directory and the holder's pid", async () => {
    const dir = fresh();
    const first = await openDatabase({ dataDir: dir });
    try {
      expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining(`${dir} is in use by process ${process.pid}`),
      });
      // Another process: exits non-zero with the same message, and writes nothing.
      const script = `import { openDatabase } from "@vault/store";
        try { await openDatabase({ dataDir: ${JSON.stringify(dir)} }); process.exit(0); }
        catch (error) { console.error(error.message); process.exit(3); }`;
      const other = spawnSync(
        process.execPath,
        ["--conditions=@vault/source", "--import", "tsx", "--input-type=module", "-e", script],
        {
          cwd: join(import.meta.dirname, ".."),
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      expect(other.status, other.stderr).toBe(3);
      expect(other.stderr).toContain(`${dir} is in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  }, 120_000); // the second process loads the store through tsx: on a loaded 2-core machine that alone took >30 s

  it("takes over the lock of a process that is gone (killed with -9)", async () => {
    const dir = fresh(0o700);
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    writeFileSync(join(dir, LOCK_FILE), `${child.pid}\n`);
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: "CONFLICT" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const database = await openDatabase({ dataDir: dir });
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
    await database.close();
  });

  it("makes the directory 0700 and its files 0600, and warns when it was open to others", async () => {
    const dir = fresh(0o755);
    mkdirSync(join(dir, "leftover"), { mode: 0o777 });
    writeFileSync(join(dir, "leftover", "file"), "x", { mode: 0o666 });
    chmodSync(join(dir, "leftover", "file"), 0o666);
    const warnings: string[] = [];
    const database = await openDatabase({ dataDir: dir, onWarning: (warning) => warnings.push(warning) });
    try {
      await database.db.execute("create table t (x int)");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`${dir} was readable or writable by others`);
      const modes: string[] = [];
      const walk = (path: string) => {
        const stats = statSync(path);
        modes.push((stats.mode & 0o777).toString(8));
        if (stats.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
      };
      walk(dir);
      expect(new Set(modes)).toEqual(new Set(["700", "600"]));
    } finally {
      await database.close();
    }
    // A private directory opens without a warning.
    const quiet: string[] = [];
    const second = await openDatabase({ dataDir: dir, onWarning: (warning) => quiet.push(warning) });
    await second.close();
    expect(quiet).toEqual([]);
  });
});
