// Runs a package README's examples, exactly as written, as Vitest tests. A package's `test/readme.test.ts` calls
// `describeReadme(import.meta.dirname, { claims: [...] })`. The conventions (also in CONTRIBUTING.md):
//
// - Every ```ts block of the README runs, top to bottom, as its own ES module (top-level await works). Blocks in
//   other languages (```sh, ```json, ```text, …) do not run; ```js, ```typescript and the like are refused, so that
//   an example cannot skip its test by its fence. Nothing is shared between blocks: each one imports what it uses.
// - `// → <value>` after an expression statement (on the statement's last line, or alone on the line right after it)
//   claims the statement's value: equal for a primitive, `toMatchObject` for an object or array (so a claim may leave
//   fields out). Text after " (" is explanation: `config.int("billing", "limits", 1); // → 50 (acme's override)`.
// - `// throws <CODE>` after an expression statement claims that it throws (or, awaited, rejects with) a VaultError
//   of that code (`isVaultError` from @vault/core); the block then goes on. Text after the code is explanation.
// - Every other comment is prose. A claim that is never reached, that follows something other than an expression
//   statement, or that names an unknown code fails the test, as does a wrong one.
//
// Each block is written to `<package>/test/.readme/<pid>/block-N.ts` (gitignored), so that its imports resolve as in
// the package's own tests (`@vault/*` to sources through the `@vault/source` condition, `drizzle-orm`, the drivers),
// imported, and removed afterwards. The file's line numbers are the README's: an error's stack points into the
// README's lines, and every failed claim is reported as `packages/<name>/README.md:<line>`.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ERROR_CODES, isVaultError } from "@vault/core";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const HELPERS = Symbol.for("@vault/readme-examples");
const PRELUDE = `const __readme = globalThis[Symbol.for("@vault/readme-examples")];`;
/** How often each example path was used in this process. */
const used = new Map();
/** Fences that look like code meant to run but would not: write ```ts (or ```text for code that must not run). */
const REFUSED = new Set(["js", "javascript", "mjs", "cjs", "jsx", "typescript", "tsx", "mts", "cts"]);

/**
 * The README's fenced blocks that run: ```ts, with the README line of their first code line. Throws on a fence
 * that would silently not run (```js, ```typescript, …, or an indented ```ts).
 */
export function readmeBlocks(markdown, file = "README.md") {
  const lines = markdown.split("\n");
  const blocks = [];
  let open;
  lines.forEach((line, index) => {
    if (open) {
      if (line.trimEnd() === open.fence) {
        if (open.lang === "ts") blocks.push({ line: open.line, code: open.code.join("\n") });
        open = undefined;
      } else open.code.push(line);
      return;
    }
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (!fence) return;
    const [, indent, marks, lang] = fence;
    const kind = lang.toLowerCase();
    if (REFUSED.has(kind) || (kind === "ts" && indent !== "")) {
      throw new Error(`${file}:${index + 1}: a \`\`\`${lang} block would not run; write an unindented \`\`\`ts block`);
    }
    open = { fence: `${indent}${marks}`, lang: kind, line: index + 2, code: [] };
  });
  if (open) throw new Error(`${file}:${open.line - 1}: a code block is never closed`);
  return blocks;
}

/**
 * A block as a module: each claim replaced by a call that checks it, the line numbers kept (the block's first line
 * becomes line `line`, as in the README). Throws on a misplaced or malformed claim.
 */
export function compileExample(code, { line = 1, file = "README.md" } = {}) {
  const source = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line;
  const where = (pos) => `${file}:${lineOf(pos) + line}`;
  const statements = [];
  const visit = (node) => {
    if (Array.isArray(node.statements)) statements.push(...node.statements);
    ts.forEachChild(node, visit);
  };
  visit(source);

  const claims = [];
  for (const comment of comments(source)) {
    const text = code.slice(comment.pos, comment.end);
    const claim = parseClaim(text, where(comment.pos));
    if (!claim) continue;
    const commentLine = lineOf(comment.pos);
    const ownLine = code.slice(code.lastIndexOf("\n", comment.pos - 1) + 1, comment.pos).trim() === "";
    let target;
    for (const statement of statements) {
      if (statement.end > comment.pos) continue;
      const better =
        !target || statement.end > target.end || (statement.end === target.end && statement.pos < target.pos);
      if (better) target = statement;
    }
    const targetLine = target ? lineOf(target.end) : -1;
    if (!target || targetLine !== (ownLine ? commentLine - 1 : commentLine)) {
      throw new Error(
        `${claim.where}: "${text}" must follow a statement: at the end of its last line, or alone on the next line`,
      );
    }
    if (!ts.isExpressionStatement(target)) {
      throw new Error(
        `${claim.where}: "${text}" must follow an expression statement, not a ${ts.SyntaxKind[target.kind]}`,
      );
    }
    if (claims.some((other) => other.statement === target)) {
      throw new Error(`${claim.where}: the statement already has a claim`);
    }
    claims.push({ ...claim, id: claims.length, statement: target });
  }

  // Each claimed statement is rewritten in place (keeping its newlines), inner claims before the outer ones.
  const render = (start, end) => {
    let out = "";
    let at = start;
    const inside = claims
      .filter((c) => c.statement.getStart(source) >= start && c.statement.end <= end)
      .sort((a, b) => a.statement.getStart(source) - b.statement.getStart(source));
    for (const claim of inside) {
      const statement = claim.statement;
      if (statement.getStart(source) < at) continue; // nested in a claim already rendered
      const expression = render(statement.expression.getStart(source), statement.expression.end);
      out += code.slice(at, statement.getStart(source));
      if (claim.kind === "value") {
        out += `__readme.is((${expression}), (${claim.expected}), ${claim.id});`;
      } else if (containsAwait(statement.expression)) {
        out += `await __readme.throws(async () => (${expression}), ${JSON.stringify(claim.code)}, ${claim.id}, true);`;
      } else {
        out += `__readme.throws(() => (${expression}), ${JSON.stringify(claim.code)}, ${claim.id}, false);`;
      }
      at = statement.end;
    }
    return out + code.slice(at, end);
  };
  const module = `${PRELUDE}${"\n".repeat(Math.max(0, line - 1))}${render(0, code.length)}\nexport {};\n`;
  return {
    source: module,
    claims: claims.map(({ statement: _statement, id: _id, ...claim }) => claim),
  };
}

/**
 * Run one example: compile it, write it to `<testDir>/.readme/<pid>/<name>.ts`, import it, remove it. Rejects with
 * the first wrong claim, a claim never reached, or whatever the example itself throws.
 */
export async function runExample(testDir, code, { name = "example", line = 1, file = "README.md" } = {}) {
  const { source, claims } = compileExample(code, { line, file });
  const dir = scratchDir(testDir);
  // A module is evaluated once per path: a name used again in this process gets a file of its own.
  const runs = (used.get(join(dir, name)) ?? 0) + 1;
  used.set(join(dir, name), runs);
  const path = join(dir, runs === 1 ? `${name}.ts` : `${name}-${runs}.ts`);
  const reached = new Set();
  globalThis[HELPERS] = helpers(claims, reached);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, source);
  try {
    await import(pathToFileURL(path).href);
  } finally {
    delete globalThis[HELPERS];
    rmSync(path, { force: true });
    removeIfEmpty(dir);
    removeIfEmpty(join(testDir, ".readme"));
  }
  const missed = claims.filter((_, id) => !reached.has(id));
  if (missed.length > 0) {
    throw new Error(`${missed.map((c) => c.where).join(", ")}: the claim was never reached`);
  }
  return { claims: claims.length };
}

/**
 * The README tests of the package whose `test/` directory is `testDir`: one test that the README has the blocks
 * and claims expected (`claims[i]`: how many `// →` and `// throws` claims block i + 1 makes), one per block.
 */
export function describeReadme(testDir, { claims: expected }) {
  const readmePath = join(testDir, "..", "README.md");
  const file = relative(ROOT, readmePath);
  const blocks = readmeBlocks(readFileSync(readmePath, "utf8"), file);
  removeStaleScratch(testDir);

  describe(`${file} examples`, () => {
    it(`has ${expected.length} \`\`\`ts block${expected.length === 1 ? "" : "s"} making ${expected.join(" + ")} claims`, () => {
      const counts = blocks.map((block) => {
        try {
          return compileExample(block.code, { line: block.line, file }).claims.length;
        } catch (error) {
          return error.message;
        }
      });
      expect(counts).toEqual(expected);
    });

    blocks.forEach((block, index) => {
      it(`block ${index + 1} (line ${block.line}) runs and its claims hold`, async () => {
        const { claims } = await runExample(testDir, block.code, {
          name: `block-${index + 1}`,
          line: block.line,
          file,
        });
        expect(claims, "claims in this block").toBe(expected[index]);
        // A block opens and migrates its own PGlite, which alone can take tens of seconds on a loaded machine.
      }, 120_000);
    });
  });
}

/** What a compiled block calls, checking its claims and noting which were reached. */
function helpers(claims, reached) {
  return {
    is(actual, expected, id) {
      reached.add(id);
      const { where } = claims[id];
      if (isThenable(actual)) throw new Error(`${where}: the value is a promise: write \`await\` before it`);
      if (typeof expected === "object" && expected !== null) expect(actual, where).toMatchObject(expected);
      else expect(actual, where).toEqual(expected);
    },
    throws(run, code, id, awaited) {
      reached.add(id);
      const { where } = claims[id];
      const thrown = (error) => {
        if (!isVaultError(error, code)) {
          throw new Error(`${where}: expected a VaultError ${code}, got ${describeError(error)}`, { cause: error });
        }
      };
      let result;
      try {
        result = run();
      } catch (error) {
        thrown(error);
        return;
      }
      if (!isThenable(result)) throw new Error(`${where}: expected a VaultError ${code}, but nothing was thrown`);
      if (!awaited) {
        result.then(undefined, () => {});
        throw new Error(`${where}: the statement gives a promise: write \`await\` so that its rejection is checked`);
      }
      return result.then(() => {
        throw new Error(`${where}: expected a rejection with a VaultError ${code}, but the promise resolved`);
      }, thrown);
    },
  };
}

/** `{ kind: "value", expected }`, `{ kind: "throws", code }`, or undefined for prose. */
function parseClaim(text, where) {
  const value = /^\/\/ → (.*)$/.exec(text);
  if (value) {
    const expected = withoutExplanation(value[1]).trim();
    if (expected === "") throw new Error(`${where}: "${text}" claims no value`);
    return { kind: "value", where, expected };
  }
  const throws = /^\/\/ throws (\S+)/.exec(text);
  if (throws) {
    const code = throws[1].replace(/[:,.;]$/, "");
    if (!Object.hasOwn(ERROR_CODES, code)) {
      throw new Error(`${where}: "${text}": ${code} is not a VaultError code (${Object.keys(ERROR_CODES).join(", ")})`);
    }
    return { kind: "throws", where, code };
  }
  return undefined;
}

/** The claimed value without its explanation: everything before the first " (" outside strings and brackets. */
function withoutExplanation(text) {
  let depth = 0;
  let quote;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) {
      if (c === "(" && depth === 0 && text[i - 1] === " ") return text.slice(0, i);
      depth++;
    } else if (")]}".includes(c)) depth--;
  }
  return text;
}

/** Every comment in the source, once, in order (found through the tokens, so never one inside a string). */
function comments(source) {
  const found = new Map();
  const collect = (pos) => {
    for (const range of ts.getLeadingCommentRanges(source.text, pos) ?? []) found.set(range.pos, range);
    for (const range of ts.getTrailingCommentRanges(source.text, pos) ?? []) found.set(range.pos, range);
  };
  const visit = (node) => {
    const children = node.getChildren(source);
    if (children.length === 0) {
      collect(node.getFullStart());
      collect(node.end);
    }
    for (const child of children) visit(child);
  };
  visit(source);
  return [...found.values()]
    .filter((range) => range.kind === ts.SyntaxKind.SingleLineCommentTrivia)
    .sort((a, b) => a.pos - b.pos);
}

/** True when the expression awaits (outside any function nested in it). */
function containsAwait(node) {
  if (ts.isAwaitExpression(node)) return true;
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  return ts.forEachChild(node, containsAwait) === true;
}

function isThenable(value) {
  return (typeof value === "object" || typeof value === "function") && typeof value?.then === "function";
}

function describeError(error) {
  if (isVaultError(error)) return `VaultError ${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function scratchDir(testDir) {
  return join(testDir, ".readme", String(process.pid));
}

function removeIfEmpty(dir) {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (another run's files), or already gone.
  }
}

/** Scratch directories of runs that died before cleaning up (their process is gone). */
function removeStaleScratch(testDir) {
  const root = join(testDir, ".readme");
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    if (/^\d+$/.test(name) && !alive(Number(name))) rmSync(join(root, name), { recursive: true, force: true });
  }
  removeIfEmpty(root);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
