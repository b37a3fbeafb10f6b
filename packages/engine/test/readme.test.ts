import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Runs the README's ```ts blocks as they are written. A comment `// → x` (after an expression statement, or on the
// next line) becomes a check that the expression gives x: equal for a primitive, matching for an object or array.
// Text after " (" in such a comment is explanation.

const packageDir = join(import.meta.dirname, "..");
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
const workDir = mkdtempSync(join(tmpdir(), "vault-engine-readme-"));

type Check = (actual: unknown, expected: unknown, line: number) => void;
const globals = globalThis as { __readmeCheck?: Check };

/** The block as a module: checks inserted, the package imported from its source. */
function toModule(block: string): { source: string; checks: number } {
  const lines = block.split("\n");
  let checks = 0;
  let lastStatement = -1;
  const check = (index: number, expected: string) => {
    const statement = (lines[index] as string).replace(/\s*\/\/.*$/, "").trim();
    if (!statement.endsWith(";") || /^(const|let|var|import)\b/.test(statement)) {
      throw new Error(`README line "${statement}": a → comment must follow an expression statement`);
    }
    lines[index] = `__readmeCheck(${statement.slice(0, -1)}, ${expected}, ${index + 1});`;
    checks += 1;
  };
  lines.forEach((line, index) => {
    const arrow = /^(.*?)\/\/ → (.*)$/.exec(line);
    if (!arrow) {
      if (/\S/.test(line.replace(/\/\/.*$/, ""))) lastStatement = index;
      return;
    }
    const expected = (arrow[2] as string).split(" (")[0] as string;
    if (/\S/.test(arrow[1] as string)) check(index, expected);
    else {
      check(lastStatement, expected);
      lines[index] = "";
    }
  });
  const source = lines
    .join("\n")
    .replaceAll('from "@vault/engine"', `from ${JSON.stringify(join(packageDir, "src/index.ts"))}`);
  return { source: `const { __readmeCheck } = globalThis;\n${source}\nexport {};\n`, checks };
}

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  delete globals.__readmeCheck;
});

describe("README examples", () => {
  it("has the flag and the config example", () => {
    expect(blocks).toHaveLength(2);
  });

  it.each(blocks.map((block, i) => [i + 1, block] as const))(
    "block %i runs and says what it gives",
    async (n, block) => {
      const { source, checks } = toModule(block);
      expect(checks).toBeGreaterThan(3);
      let ran = 0;
      globals.__readmeCheck = (actual, expected, line) => {
        ran += 1;
        if (typeof expected === "object" && expected !== null) {
          expect(actual, `README block ${n}, line ${line}`).toMatchObject(expected);
        } else expect(actual, `README block ${n}, line ${line}`).toEqual(expected);
      };
      const file = join(workDir, `block-${n}.ts`);
      writeFileSync(file, source);
      await import(pathToFileURL(file).href);
      expect(ran).toBe(checks);
    },
  );

  it("the checks are real: a wrong claim fails", async () => {
    const { source } = toModule('import { asInt } from "@vault/engine";\nasInt("x", 3); // → 4\n');
    globals.__readmeCheck = (actual, expected) => expect(actual).toEqual(expected);
    const file = join(workDir, "wrong.ts");
    writeFileSync(file, source);
    await expect(import(pathToFileURL(file).href)).rejects.toThrow(/expected 3 to deeply equal 4/);
  });
});
