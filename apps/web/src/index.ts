import { fileURLToPath } from "node:url";

/**
 * The directory holding the built admin UI (`index.html` and hashed `assets/`), as `vite build` writes it. The same
 * path from the sources (`src/`) and from the build (`dist/`): both sit one level below the package.
 */
export const webAssetsDir: string = fileURLToPath(new URL("../dist/ui", import.meta.url));

/** The path under which the server serves the UI (Vite's `base`). */
export const WEB_BASE_PATH = "/ui";
