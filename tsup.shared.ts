import type { Options } from "tsup";

/**
 * One build recipe for every package: ESM + .d.ts, workspace deps left external. Declarations resolve other
 * packages against their dist (tsconfig.build.json drops the `@vault/source` condition), hence `^build` in turbo.json.
 */
export function packageBuild(entry: string[] | Record<string, string>): Options {
  return {
    entry,
    format: ["esm"],
    target: "node20",
    dts: true,
    sourcemap: true,
    clean: true,
    // Entries of one package (`@vault/store`, `@vault/store/testing`) share chunks: one copy of each module, so
    // module state and classes (ChangeFeed, the schema tables) are the same objects whichever entry loaded them.
    splitting: true,
    treeshake: true,
    tsconfig: "tsconfig.build.json",
    external: [/^@vault\//],
  };
}
