import { describe, expect, it } from "vitest";
import { compileExample, describeReadme, readmeBlocks, runExample } from "../../../tools/readme-examples.mjs";

// Runs ../README.md's ```ts block as written (conventions: tools/readme-examples.mjs), with how many `// →` and
// `// throws` claims it makes.
describeReadme(import.meta.dirname, { claims: [7] });

// The runner every package's README test uses: its claims are real, so a wrong one fails.
describe("README example runner", () => {
  const run = (code: string) => runExample(import.meta.dirname, code, { name: "runner-check" });

  it("checks a value claim: equal for a primitive, matching for an object", async () => {
    await expect(run("Math.max(1, 2); // → 2\n({ a: 1, b: [2] }); // → { b: [2] } (a is left out)")).resolves.toEqual({
      claims: 2,
    });
    await expect(run("Math.max(1, 2); // → 3")).rejects.toThrow(/README\.md:1: expected 2 to deeply equal 3/);
    await expect(run("\n({ a: 1 });\n// → { a: 2 }")).rejects.toThrow(/README\.md:3: expected \{ a: 1 \} to match/);
    await expect(run("Promise.resolve(2); // → 2")).rejects.toThrow(/README\.md:1: .*write `await`/);
  });

  it("checks a throws claim: a VaultError of that code, thrown or rejected, and the block goes on", async () => {
    const ok = [
      'import { parseId, VaultError } from "@vault/core";',
      'parseId("secret", "flag_01"); // throws VALIDATION',
      'await Promise.reject(new VaultError("CONFLICT", "x")); // throws CONFLICT (explained)',
      "Math.max(1); // → 1",
    ];
    await expect(run(ok.join("\n"))).resolves.toEqual({ claims: 3 });
    await expect(run('import { newId } from "@vault/core";\nnewId("flag"); // throws VALIDATION')).rejects.toThrow(
      /README\.md:2: expected a VaultError VALIDATION, but nothing was thrown/,
    );
    await expect(
      run('import { parseId } from "@vault/core";\nparseId("secret", "flag_01"); // throws NOT_FOUND'),
    ).rejects.toThrow(/README\.md:2: expected a VaultError NOT_FOUND, got VaultError VALIDATION/);
    await expect(run('JSON.parse("{"); // throws VALIDATION')).rejects.toThrow(/got SyntaxError/);
    await expect(run("await Promise.resolve(1); // throws CONFLICT")).rejects.toThrow(/the promise resolved/);
    await expect(run('Promise.reject(new Error("x")); // throws CONFLICT')).rejects.toThrow(/write `await`/);
  });

  it("checks claims inside callbacks, each where it is written", async () => {
    const nested = "await Promise.all([1, 2].map(async (n) => {\n  n > 0; // → true\n})); // → [undefined, undefined]";
    await expect(run(nested)).resolves.toEqual({ claims: 2 });
    await expect(run(nested.replace("n > 0", "n > 1"))).rejects.toThrow(
      /README\.md:2: expected false to deeply equal true/,
    );
  });

  it("fails a claim that is never reached, misplaced or malformed", async () => {
    await expect(run("if (Math.random() > 2) {\n  Math.max(1); // → 1\n}")).rejects.toThrow(
      /README\.md:2: the claim was never reached/,
    );
    expect(() => compileExample("const x = 1; // → 1")).toThrow(/must follow an expression statement/);
    expect(() => compileExample("Math.max(1);\n\n// → 1")).toThrow(/must follow a statement/);
    expect(() => compileExample("Math.max(1); // throws NOPE")).toThrow(/NOPE is not a VaultError code/);
    expect(() => compileExample("Math.max(1); // → 1\n// → 1")).toThrow(/already has a claim/);
  });

  it("reads claims only from comments, and explanation only outside the value", () => {
    expect(compileExample('"// → 1".length; // → 6').claims).toEqual([
      { kind: "value", where: "README.md:1", expected: "6" },
    ]);
    expect(compileExample('f(); // → { s: "a (b)" } (why)').claims[0]?.expected).toBe('{ s: "a (b)" }');
  });

  it("runs ```ts blocks only, and refuses fences that would silently not run", () => {
    const markdown = "# x\n\n```sh\nls\n```\n\n```ts\nf();\n```\n";
    expect(readmeBlocks(markdown)).toEqual([{ line: 8, code: "f();" }]);
    expect(() => readmeBlocks("```typescript\nf();\n```\n")).toThrow(/README\.md:1: a ```typescript block/);
  });
});
