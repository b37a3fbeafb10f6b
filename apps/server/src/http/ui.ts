import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { VaultError } from "@vault/core";
import { WEB_BASE_PATH, webAssetsDir } from "@vault/web";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The admin UI's files: the built `@vault/web` by default; false serves no UI. */
export type UiOption = { dir: string } | false;

/**
 * What the UI's pages may load: scripts only from this server (no inline script, no eval), data only from this
 * server's API. Inline styles are allowed because the component library (Mantine) sets CSS variables through `style`
 * attributes; style injection cannot run code, and scripts stay locked down.
 */
export const UI_CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
};

/** Hashed file names (Vite's `assets/`) never change content: cached for a year. Everything else is revalidated. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Serve the admin UI at /ui with @fastify/static: hashed assets cached for good, index.html never cached (so a new
 * build is picked up at once), every UI answer with a Content-Security-Policy and the other headers of @fastify/helmet
 * (registered inside this plugin only, so API answers are untouched). Paths of the single-page app's own routes
 * (/ui/secrets/…) answer index.html; a missing asset is a 404.
 */
export async function useAdminUi(app: FastifyInstance, option: UiOption = { dir: webAssetsDir }): Promise<void> {
  if (option === false) return;
  const { dir } = option;
  const built = existsSync(join(dir, "index.html"));
  await app.register(async (ui) => {
    if (!built) {
      const notBuilt = async () => {
        throw new VaultError("NOT_FOUND", "the admin UI is not built in this installation: run `pnpm build`", {
          details: { dir },
        });
      };
      ui.get(WEB_BASE_PATH, { schema: { hide: true } }, notBuilt);
      ui.get(`${WEB_BASE_PATH}/*`, { schema: { hide: true } }, notBuilt);
      return;
    }
    await ui.register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: UI_CONTENT_SECURITY_POLICY },
      // TLS is the reverse proxy's business; it sets HSTS for the whole origin.
      strictTransportSecurity: false,
      referrerPolicy: { policy: "no-referrer" },
    });
    await ui.register(fastifyStatic, {
      root: dir,
      prefix: `${WEB_BASE_PATH}/`,
      // Files are registered one route each at start (the build is fixed), so our catch-all below sees the rest.
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset: sent as they are, never compressed per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header("cache-control", path.includes("/assets/") ? IMMUTABLE : "no-cache");
      },
    });
    const page = async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.header("cache-control", "no-cache").sendFile("index.html");
    ui.get(WEB_BASE_PATH, { schema: { hide: true } }, page);
    ui.get(`${WEB_BASE_PATH}/`, { schema: { hide: true } }, page);
    ui.get(`${WEB_BASE_PATH}/*`, { schema: { hide: true } }, async (request, reply) => {
      // A missing asset must not be answered with the page (the browser would run HTML as a script).
      if (request.url.startsWith(`${WEB_BASE_PATH}/assets/`)) {
        throw new VaultError("NOT_FOUND", "no such UI asset", { details: { path: request.url.slice(0, 200) } });
      }
      return page(request, reply);
    });
  });
}
