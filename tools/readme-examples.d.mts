// Types of readme-examples.mjs (the runner of package READMEs' examples; its conventions are at its top).

/** A ```ts block of a README: its code and the README line of its first code line. */
export interface ReadmeBlock {
  line: number;
  code: string;
}

/** A claim an example makes: `// → <expected>` (kind "value") or `// throws <CODE>` (kind "throws"). */
export interface ExampleClaim {
  kind: "value" | "throws";
  /** `packages/<name>/README.md:<line>` */
  where: string;
  /** The claimed value's source text (kind "value"). */
  expected?: string;
  /** The claimed VaultError code (kind "throws"). */
  code?: string;
}

export interface ExampleLocation {
  /** The README line of the example's first line (default 1). */
  line?: number;
  /** How to name the README in messages (default "README.md"). */
  file?: string;
}

/** The README's ```ts blocks, which run. Throws on a fence that would silently not run (```js, ```typescript, …). */
export function readmeBlocks(markdown: string, file?: string): ReadmeBlock[];

/** An example as the module that runs it, and its claims. Throws on a misplaced or malformed claim. */
export function compileExample(code: string, location?: ExampleLocation): { source: string; claims: ExampleClaim[] };

/**
 * Run one example as a module written under `<testDir>/.readme/`. Rejects with the first wrong claim, a claim never
 * reached, or whatever the example throws; resolves to how many claims it made.
 */
export function runExample(
  testDir: string,
  code: string,
  options?: ExampleLocation & { name?: string },
): Promise<{ claims: number }>;

/**
 * Define the README tests of the package whose `test/` directory is `testDir` (pass `import.meta.dirname`):
 * `claims[i]` is how many claims block i + 1 makes, so a README that loses examples or claims fails.
 */
export function describeReadme(testDir: string, expected: { claims: number[] }): void;
