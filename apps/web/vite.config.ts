import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

/** The most JavaScript a first page load may fetch, gzipped (issue 21): the build fails above it. */
const INITIAL_JS_BUDGET_GZIP_BYTES = 300 * 1024;

/**
 * Records what the first page load costs: the entry chunk and every chunk it imports statically (lazy pages left
 * out), raw and gzipped, in dist/ui-build.json and on the console; fails the build over the budget.
 */
function initialJsReport(): Plugin {
  return {
    name: "vault-initial-js-report",
    apply: "build",
    writeBundle(options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      let entry: string | undefined;
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== "chunk") continue;
        chunks.set(fileName, { code: output.code, imports: output.imports });
        if (output.isEntry) entry = fileName;
      }
      if (entry === undefined) return;
      const initial = new Set<string>();
      const visit = (file: string) => {
        if (initial.has(file)) return;
        initial.add(file);
        for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
      };
      visit(entry);
      const files = [...initial].map((file) => {
        const code = chunks.get(file)?.code ?? "";
        return { file, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
      });
      const report = {
        initialJs: {
          files,
          bytes: files.reduce((sum, f) => sum + f.bytes, 0),
          gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
        },
        lazyChunks: chunks.size - initial.size,
        budgetGzipBytes: INITIAL_JS_BUDGET_GZIP_BYTES,
      };
      const dir = options.dir ?? "dist/ui";
      writeFileSync(resolve(dir, "..", "ui-build.json"), `${JSON.stringify(report, null, 2)}\n`);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      this.info(
        `initial JavaScript: ${kb(report.initialJs.gzipBytes)} gzipped (${kb(report.initialJs.bytes)} raw) in ${files.length} file(s); budget ${kb(INITIAL_JS_BUDGET_GZIP_BYTES)}`,
      );
      if (report.initialJs.gzipBytes > INITIAL_JS_BUDGET_GZIP_BYTES) {
        this.error(
          `initial JavaScript is ${kb(report.initialJs.gzipBytes)} gzipped, over the ${kb(INITIAL_JS_BUDGET_GZIP_BYTES)} budget`,
        );
      }
    },
  };
}

/**
 * Writes `.br` and `.gz` beside every script, style sheet and SVG, compressed once at the highest levels, so the server
 * sends them as they are (@fastify/static `preCompressed`) instead of compressing half a megabyte on every first
 * request.
 */
function precompress(): Plugin {
  return {
    name: "vault-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "dist/ui";
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!/\.(js|css|svg)$/.test(fileName)) continue;
        const content = output.type === "chunk" ? Buffer.from(output.code) : Buffer.from(output.source);
        writeFileSync(resolve(dir, `${fileName}.gz`), gzipSync(content, { level: 9 }));
        writeFileSync(
          resolve(dir, `${fileName}.br`),
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: "/ui/",
  plugins: [react(), initialJsReport(), precompress()],
  // @vault/client from its sources (as the tests resolve it): the UI builds without building the client first.
  resolve: { conditions: ["@vault/source", ...defaultClientConditions] },
  build: {
    outDir: "dist/ui",
    emptyOutDir: true,
    // Content-hashed names under assets/: the server caches them for a year, index.html not at all.
    assetsDir: "assets",
    sourcemap: false,
    target: "es2022",
  },
  // `pnpm --filter @vault/web dev`: the API from a server started with `pnpm start`.
  server: { proxy: { "/v1": "http://127.0.0.1:8200" } },
});
