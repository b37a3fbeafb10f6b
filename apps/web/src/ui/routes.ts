import { lazyWithPreload, type Preloadable } from "./lazy";

// Every part behind sign-in is a chunk of its own, named here with dynamic imports only, so that this module (in the
// first load, for the sign-in page to preload with) pulls none of them into the first load.

/** The pages, by the path they live under; `nest` pages have their own routes below it (/secrets/:key). */
export const PAGE_ROUTES: { path: string; nest: boolean; Page: Preloadable<object> }[] = [
  { path: "/secrets", nest: true, Page: lazyWithPreload(() => import("./pages/secrets/SecretsPage")) },
  { path: "/flags", nest: true, Page: lazyWithPreload(() => import("./pages/flags/FlagsPage")) },
  { path: "/segments", nest: false, Page: lazyWithPreload(() => import("./pages/segments/SegmentsPage")) },
  { path: "/config", nest: true, Page: lazyWithPreload(() => import("./pages/config/ConfigPage")) },
  { path: "/audit", nest: false, Page: lazyWithPreload(() => import("./pages/audit/AuditPage")) },
  { path: "/apps", nest: false, Page: lazyWithPreload(() => import("./pages/apps/AppsPage")) },
  { path: "/rotation", nest: false, Page: lazyWithPreload(() => import("./pages/rotation/RotationPage")) },
  { path: "/tokens", nest: false, Page: lazyWithPreload(() => import("./pages/tokens/TokensPage")) },
  { path: "/blobs", nest: false, Page: lazyWithPreload(() => import("./pages/blobs/BlobsPage")) },
  { path: "/webhooks", nest: false, Page: lazyWithPreload(() => import("./pages/webhooks/WebhooksPage")) },
];

/** The page a signed-in location shows (any other path redirects to the first, Secrets). */
export function pageFor(location: string): (typeof PAGE_ROUTES)[number] {
  return (
    PAGE_ROUTES.find((route) => location === route.path || location.startsWith(`${route.path}/`)) ?? PAGE_ROUTES[0]!
  );
}

/** The location under the UI's base (/ui/flags/x → /flags/x). */
function currentLocation(): string {
  return window.location.pathname.replace(/^\/ui(?=\/|$)/, "") || "/";
}

/**
 * The shell behind sign-in, fetched together with the page the address names: one wait for both, rather than the
 * shell's and then the page's.
 */
export const SignedInShell = lazyWithPreload(async () => {
  const [shell] = await Promise.all([
    import("./SignedIn"),
    // The page renders through its lazy wrapper (and asks again) if this fails.
    pageFor(currentLocation())
      .Page.preload()
      .catch(() => undefined),
  ]);
  return shell;
});
