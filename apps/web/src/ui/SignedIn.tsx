import { Alert, Anchor } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Suspense, useEffect, useRef, useState } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { createApi } from "./api";
import { Loading } from "./components/Loading";
import { Shell } from "./components/Shell";
import { whenIdle } from "./lazy";
import { PAGE_ROUTES } from "./routes";
import { ApiContext, useApi, useSession } from "./SessionContext";

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A refused call (4xx) will not change by asking again; the page shows the API's message instead.
      queries: { retry: (count, error) => count < 2 && !(error as { status?: number }).status, staleTime: 5_000 },
    },
  });
}

/**
 * Everything behind sign-in: the typed API client sending the session's key, a query cache of this sign-in's own (a
 * key signed in after another never sees what the other fetched), the shell and the page the location names.
 */
export default function SignedIn() {
  const session = useSession();
  const keyRef = useRef(session.apiKey);
  keyRef.current = session.apiKey;
  // The key is read on every request, so switching apps needs no new client.
  const [api] = useState(() => createApi(() => keyRef.current));
  const [queryClient] = useState(newQueryClient);
  useEffect(
    () =>
      // The other pages' chunks once this one is on screen, so that opening one shows it at once.
      whenIdle(() => {
        for (const route of PAGE_ROUTES) void route.Page.preload().catch(() => undefined);
      }),
    [],
  );
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>
        <Pages />
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}

/** The shell and the page the location names. */
function Pages() {
  const { session } = useApi();
  const [location] = useLocation();
  const elsewhere = session.appId !== session.keyAppId && !location.startsWith("/apps");
  return (
    <Shell>
      {elsewhere && (
        <Alert color="blue" mb="md" title={`Viewing app ${session.appId} with an instance-admin key`}>
          An instance-admin key manages the apps and API keys of every app, but reads and writes the objects of its own
          app only, so the server refuses this page's calls for {session.appId}. To work in {session.appId}, create a
          key for it on{" "}
          <Anchor component={Link} href="/apps">
            Apps &amp; API keys
          </Anchor>{" "}
          and sign in with that key.
        </Alert>
      )}
      <Suspense fallback={<Loading />}>
        <Switch>
          {PAGE_ROUTES.map(({ path, nest, Page }) => (
            <Route key={path} path={path} nest={nest} component={Page} />
          ))}
          <Route>
            <Redirect to="/secrets" />
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}
