import { ConfigService } from "@vault/config";
import { compileConfigSnapshot } from "@vault/engine";
import { OverrideService } from "@vault/override";
import { migrate, openDatabase } from "@vault/store";
import { compare } from "./lib";

// The resolver answers config reads on request paths: once cached, a read should cost about what a Map lookup does,
// and must reach 1,000,000 per second. resolveAll over 200 keys is what a service does to snapshot its settings.
const database = await openDatabase();
const { db, changes } = database;
await migrate(db);
const config = new ConfigService({ db, changes });
const overrides = new OverrideService({ db, config });
const resolver = overrides.resolver();

const KEYS = 200;
const keys = Array.from({ length: KEYS }, (_, i) => `svc/setting-${i}`);
for (const [i, key] of keys.entries()) await config.set("bench", key, i);
for (const key of keys.slice(0, 20)) await overrides.set("bench", key, "acme", 7);
await resolver.resolveAll("bench", "acme");
await resolver.resolveAll("bench");
// What a service evaluating locally holds: the same data as a compiled snapshot (@vault/engine).
const local = compileConfigSnapshot(await config.snapshot("bench"));

// The baseline: the same data in plain Maps, looked up the way a hand-written cache would (override, else base).
const baseMap = new Map<string, unknown>(keys.map((key, i) => [key, i]));
const overrideMap = new Map<string, unknown>(keys.slice(0, 20).map((key) => [key, 7]));
const LOOP = 1000;
let sink: unknown;
const probe = keys[57]!; // not overridden: both maps are consulted
const overridden = keys[5]!;

await compare({
  title: "Config resolve (cached), 200 keys, 20 overridden for the tenant",
  baseline: {
    name: "Map.get override ?? base",
    opsPerCall: LOOP,
    fn: () => {
      for (let i = 0; i < LOOP; i++) sink = overrideMap.get(probe) ?? baseMap.get(probe);
    },
  },
  cases: [
    {
      name: "resolver.resolve(app, key, tenant)",
      opsPerCall: LOOP,
      target: { minOpsPerSec: 1_000_000 },
      fn: async () => {
        for (let i = 0; i < LOOP; i++) sink = await resolver.resolve("bench", probe, "acme");
      },
    },
    {
      name: "resolver.resolve (overridden key)",
      opsPerCall: LOOP,
      target: { minOpsPerSec: 1_000_000 },
      fn: async () => {
        for (let i = 0; i < LOOP; i++) sink = await resolver.resolve("bench", overridden, "acme");
      },
    },
    {
      name: "resolver.resolve(app, key) (no tenant)",
      opsPerCall: LOOP,
      target: { minOpsPerSec: 1_000_000 },
      fn: async () => {
        for (let i = 0; i < LOOP; i++) sink = await resolver.resolve("bench", probe);
      },
    },
    {
      name: "config.int(app, key, default)",
      opsPerCall: LOOP,
      fn: async () => {
        for (let i = 0; i < LOOP; i++) sink = await config.int("bench", probe, 0);
      },
    },
    {
      name: "snapshot.get(key, tenant) (compiled, local)",
      opsPerCall: LOOP,
      target: { minOpsPerSec: 1_000_000 },
      fn: () => {
        for (let i = 0; i < LOOP; i++) sink = local.get(probe, "acme");
      },
    },
    {
      name: "snapshot.int(key, default, tenant)",
      opsPerCall: LOOP,
      fn: () => {
        for (let i = 0; i < LOOP; i++) sink = local.int(probe, 0, "acme");
      },
    },
  ],
});

await compare({
  title: "Config resolveAll over 200 keys (cached merged map)",
  baseline: {
    name: "merge two Maps into an object",
    fn: () => {
      const merged: Record<string, unknown> = {};
      for (const [key, value] of baseMap) merged[key] = value;
      for (const [key, value] of overrideMap) merged[key] = value;
      sink = merged;
    },
  },
  cases: [
    {
      name: "resolver.resolveAll(app, tenant)",
      opsPerCall: LOOP,
      fn: async () => {
        for (let i = 0; i < LOOP; i++) sink = await resolver.resolveAll("bench", "acme");
      },
    },
    {
      name: "snapshot.resolveAll(tenant) (compiled, local)",
      opsPerCall: LOOP,
      fn: () => {
        for (let i = 0; i < LOOP; i++) sink = local.resolveAll("acme");
      },
    },
    {
      name: "resolveAll after clear() (reloads overrides)",
      fn: async () => {
        resolver.clear();
        sink = await resolver.resolveAll("bench", "acme");
      },
    },
  ],
});

void sink;
await config.close();
await database.close();
