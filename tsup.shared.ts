import type { Options } from "tsup";

/** One build recipe for every package: ESM + .d.ts, workspace deps left external, resolved against dist. */
export function packageBuild(entry: string[] | Record<string, string>): Options {
  return {
    entry,
    format: ["esm"],
    target: "node20",
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    tsconfig: "tsconfig.build.json",
    external: [/^@vault\//],
  };
}
